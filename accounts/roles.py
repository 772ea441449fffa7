"""The roles of the site: who is an editor, who an approved network member.

Editors and Moderators are the groups Wagtail creates (they have the admin); network
members are approved members of a member organisation and do not have the admin.
Every check of a role, in every app, asks this module.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q

NETWORK_MEMBERS = "Network members"
EDITORS = "Editors"
MODERATORS = "Moderators"


def is_editor(user):
    """Editors and moderators: an active account with Wagtail's admin."""
    return bool(user is not None and user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin"))


def member_profile(user):
    """The member profile of this user, or None (anonymous visitors, staff without one)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.member_profile
    except Exception:  # RelatedObjectDoesNotExist
        return None


def is_approved_member(user):
    """An active account whose membership an editor has approved."""
    profile = member_profile(user)
    return bool(user.is_active and profile is not None and profile.is_approved)


def network_members_group():
    # Created by migration 0002; made again if someone deleted it, rather than failing an approval.
    return Group.objects.get_or_create(name=NETWORK_MEMBERS)[0]


def editors_to_notify():
    """Whom to tell that a registration awaits approval: active editors, moderators and
    superusers who have an e-mail address."""
    return (
        get_user_model().objects.filter(Q(groups__name__in=[EDITORS, MODERATORS]) | Q(is_superuser=True))
        .filter(is_active=True).exclude(email="").distinct().order_by("pk")
    )
