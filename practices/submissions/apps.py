from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    """Case studies submitted by network members, and their editorial review."""

    name = "practices.submissions"
    label = "submissions"
    verbose_name = _("Case study submissions")
    default_auto_field = "django.db.models.BigAutoField"
