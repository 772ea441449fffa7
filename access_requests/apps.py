from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessRequestsConfig(AppConfig):
    """Members ask for access to a restricted practice; its owner's editors decide."""

    name = "access_requests"
    label = "access_requests"
    verbose_name = _("Access requests")
    default_auto_field = "django.db.models.BigAutoField"
