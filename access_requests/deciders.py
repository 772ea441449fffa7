"""Who decides an access request: the one rule every part of the app asks (`can_decide`).

- The entry has an owner organisation: the active users with the admin whose member
  profile belongs to that organisation, and superusers.
- It has none: any active user with the admin who may publish the entry.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from accounts.roles import is_editor, member_profile

from .models import AccessRequest


def can_decide(user, access_request):
    if not is_editor(user):
        return False
    if user.is_superuser:
        return True
    page = access_request.page
    if page.owner_organisation_id is not None:
        profile = member_profile(user)
        return profile is not None and profile.organisation_id == page.owner_organisation_id
    return page.permissions_for_user(user).can_publish()


def decidable_requests(user):
    """The access requests `user` may decide, as a queryset.

    The database narrows the candidates (a user only ever decides for their own
    organisation's entries or for entries without an owner); can_decide has the last word,
    so the listing never disagrees with the decision view."""
    requests = AccessRequest.objects.select_related("page", "member")
    if not is_editor(user):
        return requests.none()
    if user.is_superuser:
        return requests
    profile = member_profile(user)
    candidates = Q(page__owner_organisation__isnull=True)
    if profile is not None and profile.organisation_id is not None:
        candidates |= Q(page__owner_organisation=profile.organisation_id)
    allowed = [r.pk for r in requests.filter(candidates) if can_decide(user, r)]
    return requests.filter(pk__in=allowed)


def deciders(access_request):
    """The people to e-mail about a new request: everyone who may decide it, with an address."""
    admin_access = {"codename": "access_admin", "content_type__app_label": "wagtailadmin"}
    users = (
        get_user_model().objects.filter(is_active=True).exclude(email="")
        .filter(
            Q(is_superuser=True)
            | Q(**{f"groups__permissions__{k}": v for k, v in admin_access.items()})
            | Q(**{f"user_permissions__{k}": v for k, v in admin_access.items()})
        )
        .select_related("member_profile").distinct().order_by("pk")
    )
    owner = access_request.page.owner_organisation_id
    if owner is not None:
        users = users.filter(Q(is_superuser=True) | Q(member_profile__organisation=owner))
    return [user for user in users if can_decide(user, access_request)]
