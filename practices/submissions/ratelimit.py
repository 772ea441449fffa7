"""Per-member limits, counted from the audit log in the database so that every process
and every machine sees the same count."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

SUBMIT = "submissions.submit"
SAVE_DRAFT = "submissions.save_draft"


def limit_for(action):
    return settings.SUBMISSIONS_RATE_LIMITS[action]


def over_limit(user, action):
    """True when the member already did `action` as often as allowed in the last hour."""
    since = timezone.now() - timedelta(hours=1)
    done = ModelLogEntry.objects.filter(user_id=user.pk, action=action, timestamp__gte=since).count()
    return done >= limit_for(action)
