"""A source: the title and address of what an entry says was published."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class Source(Orderable):
    """Abstract: each kind of page holds its own ordered sources (a ParentalKey named page)."""

    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500)

    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("source")
        verbose_name_plural = _("sources")
