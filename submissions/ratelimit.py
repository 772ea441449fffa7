"""How often a member may save or submit case studies (settings.SUBMISSIONS_RATE_LIMITS)."""

from django.conf import settings

from security.ratelimit import over_hourly_limit

SUBMIT = "submissions.submit"
SAVE_DRAFT = "submissions.save_draft"


def limit_for(action):
    return settings.SUBMISSIONS_RATE_LIMITS[action]


def over_limit(user, action):
    """True when the member already did `action` as often as allowed in the last hour."""
    return over_hourly_limit(user, action, limit_for(action))
