"""Organisations that take part in practices (Wagtail snippet)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from .language import in_active_language
from .vocabulary import Sector


class Organisation(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    industry = models.CharField(
        _("industry"), max_length=120, blank=True,
        help_text=_("For example: retail, hospitality, private security, transport, local government."),
    )
    industry_fr = models.CharField(
        _("industry in French"), max_length=120, blank=True,
        help_text=_("The same label in French; the English one is shown when empty."),
    )
    country = CountryField(_("country"), blank=True, help_text=_("Leave empty for international bodies."))
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sector"),
        FieldRowPanel([FieldPanel("industry"), FieldPanel("industry_fr")]),
        FieldRowPanel([FieldPanel("country"), FieldPanel("website")]),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("sector")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def industry_label(self):
        """The industry in the interface's language."""
        return in_active_language(en=self.industry, fr=self.industry_fr)

    @property
    def is_private_sector(self):
        return self.sector == Sector.PRIVATE
