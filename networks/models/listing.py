"""What the network, event and reference pages share: an index page per kind, and the
practices a page is linked to, as each viewer may see them."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from practices.models.practice import practice_cards, visible_practices
from practices.models.sources import Source
from practices.models.translation import OnePerLanguage

SUMMARY_LENGTH = 600


def summary_field():
    return models.TextField(
        _("summary"), max_length=SUMMARY_LENGTH,
        help_text=_("Plain text, at most 600 characters: what the sources say, in your own words."),
    )


def linked_practices_field(related_name):
    return ParentalManyToManyField(
        "practices.PracticePage", blank=True, related_name=related_name, verbose_name=_("practices"),
        help_text=_("The practices this page concerns. Each reader sees only those they may read."),
    )


class ListingSource(Source):
    """Abstract: a source of a network, event or reference page. Unlike a practice's, it may
    have no address: some documents (a UN concept note) are known only by their title."""

    url = models.URLField(_("address"), max_length=500, blank=True, help_text=_("Empty for a document with no public address."))

    class Meta(Source.Meta):
        abstract = True


class LinkedPracticesMixin:
    """A page whose `practices` are listed on it, filtered by the viewer's clearance."""

    def visible_linked_practices(self, user):
        # The page links originals; each is shown in the interface's language.
        linked = visible_practices(user).filter(translation_key__in=self.practices.values("translation_key"))
        return practice_cards(linked.order_by("title"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["linked_practices"] = self.visible_linked_practices(request.user)
        return context


class ListingIndexPage(OnePerLanguage, Page):
    """Abstract: the index of one kind of page (networks, events or references)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["kb.HomePage"]
    max_count = 1
    # The title and slug the site tree gives it (kb.site_tree).
    default_title = ""
    default_slug = ""
    child_ordering = ["title"]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().specific().order_by(*self.child_ordering)
        context["children"] = Paginator(children, settings.PRACTICES_PER_PAGE).get_page(request.GET.get("page"))
        return context
