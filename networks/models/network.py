"""A network of cities (Strong Cities Network, Efus, a national federation...)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Page
from wagtail.search import index

from practices.models.translation import TranslatedPageMixin
from practices.rules import YEAR_RANGE

from .listing import ListingSource, LinkedPracticesMixin, ListingIndexPage, linked_practices_field, summary_field


class NetworkIndexPage(ListingIndexPage):
    subpage_types = ["networks.NetworkPage"]
    default_title, default_slug = _("Networks"), "networks"

    class Meta:
        verbose_name = _("network index")


class NetworkPage(LinkedPracticesMixin, TranslatedPageMixin, Page):
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    summary = summary_field()
    # Networks are older than the practices they share: federations of local authorities go
    # back to the nineteenth century.
    founded_year = models.PositiveSmallIntegerField(
        _("founded in"), null=True, blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(YEAR_RANGE[1])],
    )
    secretariat = models.ForeignKey(
        "practices.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="hosted_networks",
        verbose_name=_("secretariat or host organisation"),
    )
    website = models.URLField(_("website"), blank=True)
    member_cities = ParentalManyToManyField(
        "practices.City", blank=True, related_name="networks", verbose_name=_("member cities"),
        help_text=_("Only the members its sources name; a city may belong to several networks."),
    )
    # What a translation takes over from its original (practices.models.translation).
    shared_fields = ["acronym", "founded_year", "secretariat", "website", "member_cities", "practices"]
    shared_children = ["sources"]
    practices = linked_practices_field("networks")

    content_panels = Page.content_panels + [
        FieldPanel("acronym"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("founded_year"), FieldPanel("website")]),
        FieldPanel("secretariat"),
        FieldPanel("member_cities"),
        FieldPanel("practices"),
        InlinePanel("sources", label=_("Sources"), min_num=1),
    ]
    search_fields = Page.search_fields + [index.SearchField("acronym"), index.SearchField("summary")]
    parent_page_types = ["networks.NetworkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    @property
    def name_with_acronym(self):
        if self.acronym and self.acronym not in self.title:
            return f"{self.title} ({self.acronym})"
        return self.title


class NetworkSource(ListingSource):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="sources")

    class Meta(ListingSource.Meta):
        pass
