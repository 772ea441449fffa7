"""Who may see which practice: the one place every channel asks.

Tiers (issue 5):
- public: anyone;
- network: approved network members (accounts.roles.is_approved_member);
- restricted: approved members of a group or member organisation named on the entry,
  members whose access request was granted, the member who submitted it, and editors.
People with the Wagtail admin (editors, moderators) see every tier.

The search engines filter on an *audience key* stored with each document: "public",
"network", or "restricted-<page id>" for a restricted entry. A viewer's clearance is the
set of keys they may read, so a search, a facet count, a suggestion or a did-you-mean
never looks at an entry the viewer could not open.
"""

from dataclasses import dataclass

from django.db.models import Q

from accounts.roles import is_approved_member, is_editor, member_profile

from .models.vocabulary import AccessLevel

CLEARANCE_CACHE_ATTRIBUTE = "_practice_clearance"
# The status of an access request that clears its member for the entry.
ACCESS_GRANTED = "granted"


def audience_key(access_level, page_id):
    if access_level == AccessLevel.RESTRICTED:
        return f"restricted-{page_id}"
    return str(access_level)


@dataclass(frozen=True)
class Clearance:
    sees_everything: bool
    is_member: bool
    restricted_ids: frozenset

    def allows(self, practice):
        if self.sees_everything or practice.access_level == AccessLevel.PUBLIC:
            return True
        if practice.access_level == AccessLevel.NETWORK:
            return self.is_member
        return practice.pk in self.restricted_ids

    def audiences(self):
        """The audience keys of every document this viewer may read (see module docstring)."""
        keys = [AccessLevel.PUBLIC.value]
        if self.is_member or self.sees_everything:
            keys.append(AccessLevel.NETWORK.value)
        keys.extend(audience_key(AccessLevel.RESTRICTED, pk) for pk in sorted(self.restricted_ids))
        return tuple(keys)

    def practice_filter(self):
        """A Q for PracticePage querysets: the entries this viewer may read."""
        if self.sees_everything:
            return Q()
        levels = [AccessLevel.PUBLIC] + ([AccessLevel.NETWORK] if self.is_member else [])
        return Q(access_level__in=levels) | Q(access_level=AccessLevel.RESTRICTED, pk__in=self.restricted_ids)


ANONYMOUS = Clearance(sees_everything=False, is_member=False, restricted_ids=frozenset())


def clearance(user):
    """The viewer's clearance, computed once per user object (so once per request)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, CLEARANCE_CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = _compute_clearance(user)
        setattr(user, CLEARANCE_CACHE_ATTRIBUTE, cached)
    return cached


def _compute_clearance(user):
    from .models.practice import PracticePage

    restricted = PracticePage.objects.filter(access_level=AccessLevel.RESTRICTED)
    if is_editor(user):
        return Clearance(True, True, frozenset(restricted.values_list("pk", flat=True)))
    if not is_approved_member(user):
        return ANONYMOUS
    profile = member_profile(user)
    named = Q(restricted_groups__in=user.groups.all())
    if profile.organisation_id:
        named |= Q(restricted_organisations=profile.organisation_id)
    # Access requests are an app above this one: their granted rows are read through the
    # relation they declare, with the status value this module owns.
    granted = Q(access_requests__member=user, access_requests__status=ACCESS_GRANTED)
    # The member who submitted an entry may always read it.
    cleared = restricted.filter(named | granted | Q(submitted_by=user)).values("translation_key")
    # A clearance is for the entry: every language version of it.
    ids = restricted.filter(translation_key__in=cleared).values_list("pk", flat=True)
    return Clearance(False, True, frozenset(ids))


def forget_clearance(user):
    """After a grant or a group change within the same request."""
    if hasattr(user, CLEARANCE_CACHE_ATTRIBUTE):
        delattr(user, CLEARANCE_CACHE_ATTRIBUTE)


def allowed_audiences(user):
    return clearance(user).audiences()


def can_view_practice(user, practice):
    return clearance(user).allows(practice)


def can_view_contacts(user):
    # Contacts are personal data: network members (and editors) only, whatever the tier.
    return clearance(user).is_member
