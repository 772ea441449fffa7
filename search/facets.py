"""The facets of the search page, declared once.

Each row names the filter (on PracticeQuery and in the URL), the field of the indexed
document, the label, how a value from a URL is validated and how the values are ordered.
The URL parameters, the query, the service's labels, the document builder and both
engines read this table: adding a facet is one row here plus its value in
search.documents.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django_countries import countries

from networks.models import EventPage, NetworkPage
from practices.models import City
from practices.models.translation import one_version_per_entry
from practices.models.vocabulary import (
    EvidenceLevel,
    Language,
    PartnershipModel,
    Region,
    Sector,
    Status,
    TargetType,
    ThemeChoice,
)

# A practice whose status is not known is indexed with this value.
STATUS_NOT_STATED = "not-stated"

SLUG = re.compile(r"^[a-z0-9-]{1,120}$")
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")


def _country_names(values):
    return {value: countries.name(value) or value for value in values}


def _city_names(values):
    return {city.slug: city.display_name for city in City.objects.filter(slug__in=values)}


def _page_titles(model):
    """{slug: title} of these pages, in the version of the interface's language (both
    versions of a page share its slug)."""
    return lambda values: dict(
        one_version_per_entry(model.objects.live().filter(slug__in=values)).values_list("slug", "title")
    )


@dataclass(frozen=True)
class Facet:
    name: str  # on the query and in the URL
    field: str  # in the indexed document
    label: str
    # A fixed vocabulary (TextChoices): its values are the only valid ones.
    vocabulary: type | None = None
    # Values beyond the vocabulary, with their labels.
    extra_values: dict = field(default_factory=dict)
    # Without a vocabulary: the pattern a value must match, and {value: label} for a set.
    pattern: re.Pattern | None = None
    names: object = None
    # Shown in the order of the vocabulary rather than by count.
    ordered: bool = False

    def is_valid(self, value):
        if self.vocabulary is not None:
            return value in self.vocabulary.values or value in self.extra_values
        return bool(self.pattern.match(value))

    def labels(self, values):
        """{value: label} for these values (a value without one is its own label)."""
        if self.vocabulary is not None:
            known = {**dict(self.vocabulary.choices), **self.extra_values}
        else:
            known = self.names(values)
        return {value: known.get(value, value) for value in values}

    def sort_key(self):
        if not self.ordered:
            return lambda item: (-item.count, item.label)
        order = {value: rank for rank, value in enumerate([*self.vocabulary.values, *self.extra_values])}
        return lambda item: order.get(item.value, len(order))


FACETS = (
    Facet("themes", "themes", _("Theme"), vocabulary=ThemeChoice, ordered=True),
    Facet("cities", "cities", _("City"), pattern=SLUG, names=_city_names),  # main or further city
    Facet("countries", "country", _("Country"), pattern=COUNTRY_CODE, names=_country_names),  # ISO 3166 alpha-2
    Facet("regions", "region", _("Region"), vocabulary=Region),
    Facet("target_types", "target_types", _("Place protected"), vocabulary=TargetType),
    Facet("partner_sectors", "partner_sectors", _("Partner sector"), vocabulary=Sector),
    Facet("partnership_models", "partnership_models", _("Partnership model"), vocabulary=PartnershipModel),
    Facet("evidence_levels", "evidence_level", _("Evidence level"), vocabulary=EvidenceLevel, ordered=True),
    Facet("statuses", "status", _("Status"), vocabulary=Status, ordered=True,
          extra_values={STATUS_NOT_STATED: _("Not stated")}),
    Facet("languages", "language", _("Language"), vocabulary=Language, ordered=True),
    # The networks and events whose pages list the practice (networks app).
    Facet("networks", "networks", _("Network"), pattern=SLUG, names=_page_titles(NetworkPage)),
    Facet("events", "events", _("Event"), pattern=SLUG, names=_page_titles(EventPage)),
)

FACET_NAMES = tuple(facet.name for facet in FACETS)
# The document fields every engine indexes as exact values and counts.
FACET_FIELDS = tuple(facet.field for facet in FACETS)
BY_NAME = {facet.name: facet for facet in FACETS}
