"""The three groups of the site and what they may do.

Editors and Moderators are the groups Wagtail creates (they have the admin); network
members are approved members of a member organisation and do not have the admin.
"""

NETWORK_MEMBERS = "Network members"
EDITORS = "Editors"
MODERATORS = "Moderators"


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
