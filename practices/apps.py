from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_unpublished

        from .models.translation import withdraw_translations

        page_unpublished.connect(withdraw_translations, dispatch_uid="practices-withdraw-translations")
