"""Who may see which practice: the one place every channel asks.

The access levels exist from the start (DESIGN.md). Until network membership is built
(issues 4 and 5), a visitor with access to the Wagtail admin (an editor) sees every level
and everybody else sees public entries only.
"""

from .models.vocabulary import AccessLevel


def allowed_access_levels(user):
    if user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return list(AccessLevel.values)
    return [AccessLevel.PUBLIC]


def can_view_practice(user, practice):
    return practice.access_level in allowed_access_levels(user)


def can_view_contacts(user):
    # Contacts are personal data: never shown to anonymous visitors.
    return user is not None and user.is_authenticated
