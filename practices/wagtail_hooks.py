"""Admin registration: cities, organisations and the topic vocabulary as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import City, Organisation, Topic


class CityViewSet(SnippetViewSet):
    model = City
    icon = "site"
    list_display = ["name", "country", "region", "population_band"]
    list_filter = ["region"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "sector", "industry", "country"]
    list_filter = ["sector"]
    search_fields = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "name_fr"]
    search_fields = ["name", "name_fr"]


class PlacesAndPartnersGroup(SnippetViewSetGroup):
    items = (CityViewSet, OrganisationViewSet, TopicViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Cities, partners and topics")
    menu_name = "cities-and-partners"


register_snippet(PlacesAndPartnersGroup)
