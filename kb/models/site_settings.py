from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseGenericSetting):
    """What editors set once for the whole site (footer, contact)."""

    tagline = models.CharField(
        _("tagline"), max_length=200, blank=True,
        help_text=_("Shown in the footer, under the site name."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [FieldPanel("tagline"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("site settings")
