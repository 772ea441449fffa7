from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    """Uploaded images, renditions and documents, served through a view that checks access."""

    name = "media"
    label = "media"
    verbose_name = _("Media access")
