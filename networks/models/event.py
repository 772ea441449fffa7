"""An event where cities and companies met: a conference, a workshop, a briefing."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from practices.models.translation import TranslatedPageMixin


from .listing import ListingSource, LinkedPracticesMixin, ListingIndexPage, linked_practices_field, summary_field


class DatePrecision(models.TextChoices):
    DAY = "day", _("Known to the day")
    MONTH = "month", _("Known to the month only")


class EventIndexPage(ListingIndexPage):
    subpage_types = ["networks.EventPage"]
    default_title, default_slug = _("Events"), "events"
    child_ordering = ["-eventpage__start_date", "title"]

    class Meta:
        verbose_name = _("event index")


class EventPage(LinkedPracticesMixin, TranslatedPageMixin, Page):
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Empty for a one-day event."))
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY,
        help_text=_("Where the source gives only the month, the day stored is the first and is not shown."),
    )
    city = models.ForeignKey(
        "practices.City", on_delete=models.PROTECT, null=True, blank=True, related_name="events",
        verbose_name=_("city"), help_text=_("Empty where the source does not say, or for an online event."),
    )
    organisers = ParentalManyToManyField(
        "practices.Organisation", blank=True, related_name="organised_events", verbose_name=_("organising organisations"),
    )
    organising_networks = ParentalManyToManyField(
        "networks.NetworkPage", blank=True, related_name="events", verbose_name=_("organising networks"),
    )
    summary = summary_field()
    programme = StreamField(
        [("point", blocks.CharBlock(label=_("Programme point"), max_length=400))],
        blank=True, verbose_name=_("programme"),
        help_text=_("The points of the programme as the source states them (planned is not held)."),
    )
    # What a translation takes over from its original (practices.models.translation).
    shared_fields = ["start_date", "end_date", "date_precision", "city", "organisers", "organising_networks", "practices"]
    shared_children = ["sources"]
    practices = linked_practices_field("events")

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("date_precision")]),
        FieldPanel("city"),
        FieldPanel("organisers"),
        FieldPanel("organising_networks"),
        FieldPanel("summary"),
        FieldPanel("programme"),
        FieldPanel("practices"),
        InlinePanel("sources", label=_("Sources"), min_num=1),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["networks.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})


class EventSource(ListingSource):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sources")

    class Meta(ListingSource.Meta):
        pass
