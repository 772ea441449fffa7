"""Per-person limits on actions, counted from Wagtail's audit log in the database, so that
every process and every machine sees the same count (case-study submissions, access
requests). Login attempts are counted by django-axes instead (accounts/lockout.py)."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import ModelLogEntry


def over_hourly_limit(user, action, limit, log_model=ModelLogEntry):
    """True when `user` already did `action` (logged in `log_model`) `limit` times in the
    last hour."""
    since = timezone.now() - timedelta(hours=1)
    return log_model.objects.filter(user_id=user.pk, action=action, timestamp__gte=since).count() >= limit
