"""A reference document: a resolution, a guide, a compendium, a memorandum..."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Page
from wagtail.search import index

from practices.models.translation import TranslatedPageMixin
from practices.rules import YEAR_VALIDATORS

from .listing import ListingSource, LinkedPracticesMixin, ListingIndexPage, linked_practices_field, summary_field


class ReferenceKind(models.TextChoices):
    RESOLUTION = "resolution", _("Resolution")
    GUIDE = "guide", _("Guide")
    COMPENDIUM = "compendium", _("Compendium")
    MEMORANDUM = "memorandum", _("Memorandum")
    DECLARATION = "declaration", _("Declaration")
    REPORT = "report", _("Report")


class ReferenceIndexPage(ListingIndexPage):
    subpage_types = ["networks.ReferencePage"]
    default_title, default_slug = _("Reference documents"), "references"
    child_ordering = ["-referencepage__year", "title"]

    class Meta:
        verbose_name = _("reference index")


class ReferencePage(LinkedPracticesMixin, TranslatedPageMixin, Page):
    kind = models.CharField(_("kind"), max_length=20, choices=ReferenceKind.choices)
    authors = models.CharField(_("authors"), max_length=300, help_text=_("The bodies or people who wrote or adopted it."))
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    summary = summary_field()
    document_url = models.URLField(_("link to the document"), max_length=500, blank=True)
    # What a translation takes over from its original (practices.models.translation).
    shared_fields = ["kind", "authors", "year", "document_url", "practices"]
    shared_children = ["sources"]
    practices = linked_practices_field("references")

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
        FieldPanel("authors"),
        FieldPanel("summary"),
        FieldPanel("document_url"),
        FieldPanel("practices"),
        InlinePanel("sources", label=_("Sources"), min_num=1),
    ]
    search_fields = Page.search_fields + [index.SearchField("authors"), index.SearchField("summary")]
    parent_page_types = ["networks.ReferenceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("reference document")
        verbose_name_plural = _("reference documents")


class ReferenceSource(ListingSource):
    page = ParentalKey(ReferencePage, on_delete=models.CASCADE, related_name="sources")

    class Meta(ListingSource.Meta):
        pass
