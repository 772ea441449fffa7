from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """The Content-Security-Policy of the site and of Wagtail's admin, and the client address
    that login rate limiting counts."""

    name = "security"
    label = "security"
    verbose_name = _("Security")

    def ready(self):
        from .csp import give_wagtail_chooser_scripts_a_nonce

        give_wagtail_chooser_scripts_a_nonce()
