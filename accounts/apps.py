from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Network members: registration, approval by editors, invitations, the site's login pages."""

    name = "accounts"
    label = "accounts"
    verbose_name = _("Members")
    default_auto_field = "django.db.models.BigAutoField"
