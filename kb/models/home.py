from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from networks.models import INDEX_OF
from practices.models import City, PracticeIndexPage
from practices.models.practice import practice_cards, visible_practices
from practices.models.translation import OnePerLanguage
from practices.models.vocabulary import Region, ThemeChoice

LATEST_COUNT = 6
FEATURED_COUNT = 3


class HomePage(OnePerLanguage, Page):
    lead = RichTextField(
        _("lead"), blank=True, features=["bold", "italic", "link"],
        help_text=_("One or two sentences under the site title."),
    )

    content_panels = Page.content_panels + [FieldPanel("lead")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "practices.PracticeIndexPage", "networks.NetworkIndexPage", "networks.EventIndexPage",
        "networks.ReferenceIndexPage", "kb.StandardPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        practices = visible_practices(request.user)
        cities = City.objects.filter(practices__in=practices.values("pk")).distinct()
        theme_counts = dict(
            practices.order_by().values("themes__name").annotate(n=Count("pk", distinct=True)).values_list("themes__name", "n")
        )
        region_counts = dict(
            practices.order_by().values("city__region").annotate(n=Count("pk")).values_list("city__region", "n")
        )
        context.update(
            practice_count=practices.count(),
            city_count=cities.count(),
            country_count=cities.order_by().values("country").distinct().count(),
            theme_entries=[(value, label, theme_counts.get(value, 0)) for value, label in ThemeChoice.choices],
            region_entries=[(value, label, region_counts.get(value, 0)) for value, label in Region.choices],
            featured_practices=practice_cards(practices.filter(featured=True).order_by("title"))[:FEATURED_COUNT],
            latest_practices=practice_cards(practices.order_by("-first_published_at", "title"))[:LATEST_COUNT],
            practice_index=PracticeIndexPage.in_language(),
            listing_indexes=[index for index in (m.in_language() for m in INDEX_OF.values()) if index and index.live],
        )
        return context
