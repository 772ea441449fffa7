"""Cities (Wagtail snippets); the networks they belong to are declared by the networks app."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from .language import in_active_language
from .vocabulary import PopulationBand, Region


class City(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120, help_text=_("As commonly written in English (accents kept: Montréal)."))
    name_fr = models.CharField(
        _("name in French"), max_length=120, blank=True,
        help_text=_("Only where French writes it differently (Bruxelles, Londres, Le Cap); empty otherwise."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=_("Used in the city's address: /cities/<slug>/."))
    country = CountryField(_("country"), help_text=_("ISO 3166 country."))
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    population_band = models.CharField(_("population band"), max_length=20, choices=PopulationBand.choices, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_fr")]),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Location (city centre)"),
        ),
        FieldPanel("population_band"),
    ]
    search_fields = [
        index.SearchField("name"), index.SearchField("name_fr"),
        index.AutocompleteField("name"), index.AutocompleteField("name_fr"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def __str__(self):
        return f"{self.name} ({self.country.code})"

    @property
    def display_name(self):
        """The name in the interface's language."""
        return in_active_language(en=self.name, fr=self.name_fr)

    def get_absolute_url(self):
        return reverse("city_detail", kwargs={"slug": self.slug})
