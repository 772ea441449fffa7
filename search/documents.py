"""The indexed form of a practice: one flat document per entry that both engines index.

An entry is its original page and its translation (practices.models.translation): the
document is the original's, under its id, with the translation's texts beside it
(`translation_*`, empty for an entry not translated). Each version's text is analysed in
its own language; a hit shows the version in the interface's language (search.service).
"""

import hashlib
import html
import json
from functools import lru_cache
from itertools import islice

from django.db.models import Exists, OuterRef, Prefetch
from django.utils import translation
from django.utils.html import strip_tags
from django_countries import countries

from networks.models import EventPage, NetworkPage
from practices.access import audience_key
from practices.models import PracticePage
from practices.models.translation import other_versions
from practices.models.vocabulary import EvidenceLevel, PartnershipModel, Status, TargetType, ThemeChoice

from .analysis import LANGUAGES, TRANSLATION_FIELDS
from .facets import STATUS_NOT_STATED

EVIDENCE_RANK = {value: rank for rank, value in enumerate(EvidenceLevel.values)}
# The coded values of an entry that a reader sees as words, in each language.
LABELLED_FIELDS = {
    "themes": ThemeChoice, "target_types": TargetType, "partnership_models": PartnershipModel,
    "evidence_level": EvidenceLevel, "status": Status,
}
THEME_ORDER = list(ThemeChoice.values)


def body_text(page):
    """Plain text of the body sections (rich text and quotations)."""
    parts = []
    for section in page.body:
        for block in section.value["content"]:
            if block.block_type == "paragraph":
                # Rich text stores entities (&#x27;, &amp;): index the characters, not the codes.
                parts.append(html.unescape(strip_tags(block.value.source)))
            elif block.block_type == "quote":
                parts.append(block.value["text"])
            elif block.block_type == "figure":
                parts.append(block.value.get("caption") or "")
    return "\n".join(p for p in parts if p)


def canonical_path(page):
    """The page's own path (Wagtail gives it in the page's language)."""
    return page.get_url()


def originals(queryset):
    """The pages of a queryset that are the first version of their entry."""
    earlier = queryset.model.objects.filter(translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk"))
    return queryset.filter(~Exists(earlier))


def entry_ids(page_ids):
    """The ids of the entries (their originals' ids) that these practice pages belong to."""
    keys = PracticePage.objects.filter(pk__in=page_ids).values("translation_key")
    return set(originals(PracticePage.objects.filter(translation_key__in=keys)).values_list("pk", flat=True))


def practices_for_indexing():
    """Every live entry's original with what its document needs, in a fixed number of queries."""
    return (
        originals(PracticePage.objects.live())
        .select_related("city")
        .prefetch_related(
            "further_cities", "themes", "topics", "partners__organisation",
            # The networks and events that list it (networks app), when they are published.
            Prefetch("networks", queryset=NetworkPage.objects.live().only("slug")),
            Prefetch("events", queryset=EventPage.objects.live().only("slug")),
        )
        .order_by("pk")
    )


def indexing_documents(practices, chunk_size=500):
    """The documents of these originals (practices_for_indexing()), a chunk at a time: each
    chunk's translations are read in one query, not one per entry."""
    pages = practices.iterator(chunk_size=chunk_size)
    while chunk := list(islice(pages, chunk_size)):
        translations = live_translations(chunk)
        for page in chunk:
            yield build_document(page, translations.get(page.translation_key))


def live_translations(pages):
    """{translation_key: the live translation} of these originals, in one query."""
    return other_versions(PracticePage.objects.live().select_related("locale"), pages)


def translation_values(version):
    """The translation_* fields of an entry's document: its live translation's texts, or
    empty values when it has none."""
    if version is None:
        return dict.fromkeys(TRANSLATION_FIELDS, "")
    return {
        "translation_language": version.locale.language_code,
        "translation_title": version.title,
        "translation_summary": version.summary,
        "translation_body": body_text(version),
        "translation_url": canonical_path(version),
    }


_LOOK_UP = object()


def build_document(page, translation=_LOOK_UP):
    """The document of a live entry's original (its relations prefetched); its live
    translation is looked up unless given (None: it has none)."""
    if translation is _LOOK_UP:
        translation = live_translations([page]).get(page.translation_key)
    return assemble_document(
        **translation_values(translation),
        id=page.pk,
        title=page.title,
        summary=page.summary,
        body=body_text(page),
        url=canonical_path(page),
        language=page.language,
        city=page.city,
        country=page.city.country.code,
        further_cities=page.further_cities.all(),
        themes=[theme.name for theme in page.themes.all()],
        # Both labels of each topic: a French word finds an entry written in English.
        topics=list(dict.fromkeys(label for topic in page.topics.all() for label in (topic.name, topic.name_fr) if label)),
        target_types=page.target_types,
        partnership_models=page.partnership_models,
        organisations=[partner.organisation for partner in page.partners.all()],
        # Shown on the entry beside its text, in its language.
        notes=[*(partner.role for partner in page.partners.all() if partner.role), page.legal_privacy_notes],
        evidence_level=page.evidence_level,
        status=page.status,
        start_year=page.start_year,
        end_year=page.end_year,
        # The audience key (practices.access): the tier, and for a restricted entry its own key.
        access_level=audience_key(page.access_level, page.pk),
        published_at=page.first_published_at,
        networks=[network.slug for network in page.networks.all()],
        events=[event.slug for event in page.events.all()],
    )


def assemble_document(
    *, city, country, further_cities, organisations, themes, topics, status, published_at, networks=(), events=(), **fields
):
    """The flat document both engines index, from a practice's values.

    The one place that shapes a document: build_document reads the values from a page,
    and the benchmark's synthetic corpus (bench/synthetic.py) passes its own.
    """
    # Every list in a fixed order: without one, PostgreSQL may return related rows in any
    # order and the same practice would get another fingerprint.
    cities = [city, *sorted(further_cities, key=lambda other: other.slug)]
    document = {
        **dict.fromkeys(TRANSLATION_FIELDS, ""),
        **fields,
        "city_name": city.name,
        "city_names": [each.name for each in cities],
        "cities": [each.slug for each in cities],
        "country": country,
        "region": city.region,
        "location": (
            {"lat": float(city.latitude), "lon": float(city.longitude)}
            if city.latitude is not None and city.longitude is not None
            else None
        ),
        "themes": sorted(themes, key=THEME_ORDER.index),
        "topics": sorted(topics),
        "target_types": list(fields["target_types"]),
        "partnership_models": list(fields["partnership_models"]),
        "partner_names": [organisation.name for organisation in organisations],
        "partner_sectors": sorted({organisation.sector for organisation in organisations}),
        "evidence_rank": EVIDENCE_RANK.get(fields["evidence_level"], 0),
        "status": status or STATUS_NOT_STATED,
        "published_at": published_at.isoformat() if published_at else None,
        "networks": sorted(networks),
        "events": sorted(events),
    }
    for language in LANGUAGES:
        document[f"labels_{language}"] = labels_in(language, document, cities)
    document["fingerprint"] = fingerprint(document)
    return document


def labels_in(language, document, cities):
    """What a reader of `language` sees of an entry as words, beside its texts: the labels
    of its themes, place types, partnership models, evidence level and status, its
    country's name and its cities' names in that language, and, in the entry's own
    language, what each partner did and its legal and privacy notes."""
    labels = [_label(language, name, value) for name in LABELLED_FIELDS
              for value in (document[name] if isinstance(document[name], list) else [document[name]])]
    labels.append(_label(language, "country", document["country"]))
    if language == "fr":
        labels += [name for name in (getattr(city, "name_fr", "") for city in cities) if name]
    if language == document["language"]:
        labels += document.get("notes", [])
    return [label for label in labels if label]


@lru_cache(maxsize=4096)
def _label(language, name, value):
    with translation.override(language):
        if name == "country":
            return str(countries.name(value)) if value else ""
        try:
            return str(LABELLED_FIELDS[name](value).label)
        except ValueError:
            return ""


def fingerprint(document):
    """A digest of the document's content, to find stale index entries."""
    content = {key: value for key, value in document.items() if key != "fingerprint"}
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()[:16]
