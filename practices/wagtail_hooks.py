"""Admin registration: cities and organisations as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import City, Organisation


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


class PlacesAndPartnersGroup(SnippetViewSetGroup):
    items = (CityViewSet, OrganisationViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Cities and partners")
    menu_name = "cities-and-partners"


register_snippet(PlacesAndPartnersGroup)
