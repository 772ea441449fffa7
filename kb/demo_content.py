"""Loads the demonstration content in fixtures/ (format: fixtures/README.md).

Everything is read and validated first; a problem stops the load with a message naming
the file and the entry, before anything is written. The writing happens in one
transaction and is idempotent: cities, organisations and practices are matched by slug.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape

from practices.blocks import SECTION_LABELS, without_block_ids
from practices.models import City, Organisation, PracticePage, PracticePartner, PracticeSource, Topic
from practices.models.vocabulary import ThemeChoice
from practices.rules import MIN_PARTNERS, MIN_SOURCES, NO_PARTNER, NO_SOURCE, REQUIRED_FIELDS, missing_sections

CITY_KEYS = {"slug", "name", "name_fr", "country", "region", "latitude", "longitude", "population_band"}
ORGANISATION_KEYS = {"slug", "name", "sector", "industry", "industry_fr", "country", "website"}
# What publishing needs (practices.rules), as the keys of an entry file.
PRACTICE_REQUIRED = {*REQUIRED_FIELDS, "partners", "body", "sources"}
PRACTICE_OPTIONAL = {
    "further_cities", "topics", "target_types", "partnership_models", "evidence_level", "status",
    "start_year", "end_year", "cost_band", "funding_public_share", "legal_privacy_notes",
    "access_level", "featured", "last_reviewed", "translation",
}
# A translation block: the texts of the entry in the other language (shared fields are the
# original's). partner_roles: one per partner, in the same order.
TRANSLATION_REQUIRED = {"title", "summary", "partner_roles", "body"}
TRANSLATION_OPTIONAL = {"legal_privacy_notes"}
OTHER_LANGUAGE = {"en": "fr", "fr": "en"}
FIELDS_COMPARED = [
    "title", "summary", "language", "target_types", "partnership_models", "evidence_level", "status",
    "start_year", "end_year", "cost_band", "funding_public_share", "legal_privacy_notes", "access_level",
    "featured", "last_reviewed",
]
# Model fields checked by full_clean(); the page tree fields are set when writing.
PAGE_CLEAN_EXCLUDE = ["path", "depth", "numchild", "url_path", "draft_title", "content_type", "locale", "translation_key"]


class DemoContentError(Exception):
    """A fixture file that cannot be loaded; the message names the file and the entry."""


@dataclass
class PracticeEntry:
    slug: str
    fields: dict
    themes: list
    topics: list
    further_cities: list
    partners: list
    sources: list
    city_slug: str
    # The version in the other language: {language, fields, roles}, or None.
    translation: dict = None


@dataclass
class DemoContent:
    cities: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    practices: list = field(default_factory=list)


def _read_yaml(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        raise DemoContentError(f"{path}: file not found")
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise DemoContentError(f"{path}: not valid YAML: {error}")


def _fail(path, entry, message):
    raise DemoContentError(f"{path} (entry “{entry}”): {message}")


def _validation_message(error):
    if hasattr(error, "message_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
    return " ".join(error.messages)


def _check_keys(path, entry, data, required, optional=frozenset()):
    if not isinstance(data, dict):
        _fail(path, entry, "expected a mapping of fields")
    missing = sorted(required - data.keys())
    unknown = sorted(data.keys() - required - optional)
    problems = []
    if missing:
        problems.append(f"missing field(s): {', '.join(missing)}")
    if unknown:
        problems.append(f"unknown field(s): {', '.join(unknown)}")
    if problems:
        _fail(path, entry, "; ".join(problems))


def _list_file(path):
    data = _read_yaml(path)
    if not isinstance(data, list):
        raise DemoContentError(f"{path}: expected a list of entries")
    return data


def _validate_cities(path):
    cities = []
    for position, data in enumerate(_list_file(path), start=1):
        entry = data.get("slug", f"#{position}") if isinstance(data, dict) else f"#{position}"
        _check_keys(path, entry, data, CITY_KEYS - {"name_fr", "latitude", "longitude", "population_band"}, CITY_KEYS)
        values = dict(data)
        for coordinate in ("latitude", "longitude"):
            # Through str(): a YAML float such as 40.7128 must stay 4 decimals, not 40.71279999.
            if isinstance(values.get(coordinate), float):
                values[coordinate] = Decimal(str(values[coordinate]))
        city = City(**values)
        try:
            city.full_clean(validate_unique=False)
        except ValidationError as error:
            _fail(path, entry, _validation_message(error))
        cities.append(city)
    _check_unique_slugs(path, [city.slug for city in cities])
    return cities


def _validate_organisations(path):
    organisations = []
    for position, data in enumerate(_list_file(path), start=1):
        entry = data.get("slug", f"#{position}") if isinstance(data, dict) else f"#{position}"
        _check_keys(path, entry, data, {"slug", "name", "sector"}, ORGANISATION_KEYS)
        organisation = Organisation(**{k: (v if v is not None else "") for k, v in data.items()})
        try:
            organisation.full_clean(validate_unique=False)
        except ValidationError as error:
            _fail(path, entry, _validation_message(error))
        organisations.append(organisation)
    _check_unique_slugs(path, [o.slug for o in organisations])
    return organisations


def _check_unique_slugs(path, slugs):
    seen = set()
    for slug in slugs:
        if slug in seen:
            _fail(path, slug, "this slug appears twice")
        seen.add(slug)


def _paragraphs(text):
    """Plain text with blank-line paragraphs, as rich text (escaped: fixtures hold no markup)."""
    return "".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in str(text).split("\n\n") if p.strip())


def _body(path, slug, body):
    if not isinstance(body, dict):
        _fail(path, slug, "body: expected a mapping of sections")
    unknown = sorted(body.keys() - SECTION_LABELS.keys())
    if unknown:
        _fail(path, slug, f"body: unknown section(s) {', '.join(unknown)}; allowed: {', '.join(SECTION_LABELS)}")
    missing = missing_sections(k for k, v in body.items() if v and str(v).strip())
    if missing:
        _fail(path, slug, f"body: missing section(s) {', '.join(missing)}")
    # Sections in their fixed order, whatever the order in the file.
    return [
        {"type": "section", "value": {"kind": kind, "content": [{"type": "paragraph", "value": _paragraphs(body[kind])}]}}
        for kind in SECTION_LABELS
        if body.get(kind) and str(body[kind]).strip()
    ]


def _string_list(path, slug, name, value):
    value = value or []
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        _fail(path, slug, f"{name}: expected a list of non-empty texts")
    return [item.strip() for item in value]


def validated_sources(path, slug, sources, model):
    """The sources of an entry as unsaved `model` instances (title and url), each checked."""
    if not isinstance(sources, list) or len(sources) < MIN_SOURCES:
        _fail(path, slug, f"sources: {NO_SOURCE}")
    instances = []
    for source in sources:
        _check_keys(path, slug, source, {"title", "url"})
        instance = model(title=source["title"], url=source["url"])
        try:
            instance.full_clean(exclude=["page", "sort_order"])
        except ValidationError as error:
            _fail(path, slug, f"source: {_validation_message(error)}")
        instances.append(instance)
    return instances


def _validate_topics(path):
    """The topic vocabulary: [{slug, en, fr}], each label given."""
    topics = []
    for position, data in enumerate(_list_file(path), start=1):
        entry = data.get("slug", f"#{position}") if isinstance(data, dict) else f"#{position}"
        _check_keys(path, entry, data, {"slug", "en", "fr"})
        if not all(isinstance(data[key], str) and data[key].strip() for key in ("slug", "en", "fr")):
            _fail(path, entry, "slug, en and fr must each be a non-empty text")
        topics.append(Topic(slug=data["slug"], name=data["en"].strip(), name_fr=data["fr"].strip()))
    _check_unique_slugs(path, [topic.slug for topic in topics])
    return topics


def _validate_practice(path, city_slugs, organisations_by_slug, topic_slugs):
    slug = path.stem
    data = _read_yaml(path)
    _check_keys(path, slug, data, PRACTICE_REQUIRED, PRACTICE_OPTIONAL)

    themes = _string_list(path, slug, "themes", data["themes"])
    bad_themes = [t for t in themes if t not in ThemeChoice.values]
    if not themes or bad_themes:
        _fail(path, slug, f"themes: {', '.join(bad_themes) or 'none given'}; choose among {', '.join(ThemeChoice.values)}")
    further = _string_list(path, slug, "further_cities", data.get("further_cities"))
    topics = _string_list(path, slug, "topics", data.get("topics"))
    unknown_topics = [t for t in topics if t not in topic_slugs]
    if unknown_topics:
        _fail(path, slug, f"topics: {', '.join(unknown_topics)} not in topics.yaml (give topic slugs)")
    for city_slug in [data["city"], *further]:
        if city_slug not in city_slugs:
            _fail(path, slug, f"city “{city_slug}” is not in cities.yaml")

    partners = data["partners"]
    if not isinstance(partners, list) or len(partners) < MIN_PARTNERS:
        _fail(path, slug, f"partners: {NO_PARTNER}")
    for partner in partners:
        _check_keys(path, slug, partner, {"organisation", "role"})
        if partner["organisation"] not in organisations_by_slug:
            _fail(path, slug, f"partner “{partner['organisation']}” is not in organisations.yaml")

    source_models = validated_sources(path, slug, data["sources"], PracticeSource)

    fields = {
        key: data.get(key)
        for key in PRACTICE_OPTIONAL - {"further_cities", "topics", "translation"}
        if data.get(key) is not None
    }
    fields.update(title=data["title"], summary=" ".join(str(data["summary"]).split()), language=data["language"], slug=slug)
    fields["body"] = _body(path, slug, data["body"])
    if isinstance(fields.get("last_reviewed"), str):
        try:
            fields["last_reviewed"] = datetime.date.fromisoformat(fields["last_reviewed"])
        except ValueError:
            _fail(path, slug, "last_reviewed: expected a date (YYYY-MM-DD)")
    for text_field in ("legal_privacy_notes", "status", "cost_band"):
        fields.setdefault(text_field, "")

    page = PracticePage(**fields, city_id=0)
    try:
        page.full_clean(exclude=PAGE_CLEAN_EXCLUDE + ["city"])
    except ValidationError as error:
        _fail(path, slug, _validation_message(error))
    partner_models = [
        PracticePartner(organisation=organisations_by_slug[p["organisation"]], role=str(p["role"]).strip())
        for p in partners
    ]
    translation = None
    if data.get("translation") is not None:
        translation = _validate_translation(path, slug, data["translation"], fields, len(partners))
    return PracticeEntry(
        translation=translation,
        slug=slug,
        fields=fields,
        themes=themes,
        topics=topics,
        further_cities=further,
        partners=partner_models,
        sources=source_models,
        city_slug=data["city"],
    )


def _validate_translation(path, slug, data, original_fields, partner_count):
    """The translation block of an entry: its texts in the other language, checked as the
    original's are."""
    where = f"{slug}, translation"
    _check_keys(path, where, data, TRANSLATION_REQUIRED, TRANSLATION_OPTIONAL)
    roles = _string_list(path, where, "partner_roles", data["partner_roles"])
    if len(roles) != partner_count:
        _fail(path, where, f"partner_roles: {len(roles)} given for {partner_count} partners (one per partner, in order)")
    fields = {
        "title": data["title"],
        "summary": " ".join(str(data["summary"]).split()),
        "body": _body(path, where, data["body"]),
        "legal_privacy_notes": data.get("legal_privacy_notes") or "",
    }
    if bool(fields["legal_privacy_notes"]) != bool(original_fields.get("legal_privacy_notes")):
        _fail(path, where, "legal_privacy_notes: give them in both languages or in neither")
    page = PracticePage(**{**original_fields, **fields}, city_id=0)
    try:
        page.full_clean(exclude=PAGE_CLEAN_EXCLUDE + ["city"])
    except ValidationError as error:
        _fail(path, where, _validation_message(error))
    return {"language": OTHER_LANGUAGE[original_fields["language"]], "fields": fields, "roles": roles}


def read_demo_content(directory):
    """Parse and validate every file; raise DemoContentError on the first problem."""
    directory = Path(directory)
    content = DemoContent(
        cities=_validate_cities(directory / "cities.yaml"),
        organisations=_validate_organisations(directory / "organisations.yaml"),
        topics=_validate_topics(directory / "topics.yaml"),
    )
    city_slugs = {city.slug for city in content.cities}
    organisations_by_slug = {o.slug: o for o in content.organisations}
    paths = sorted((directory / "practices").glob("*.yaml"))
    if not paths:
        raise DemoContentError(f"{directory / 'practices'}: no practice files")
    topic_slugs = {topic.slug for topic in content.topics}
    content.practices = [_validate_practice(path, city_slugs, organisations_by_slug, topic_slugs) for path in paths]
    return content


def _upsert_all(model, instances, fields):
    """Create or update rows matched by slug; rows that already match are left alone."""
    existing = model.objects.in_bulk([i.slug for i in instances], field_name="slug")
    saved = {}
    for instance in instances:
        obj = existing.get(instance.slug)
        values = {name: getattr(instance, name) for name in fields}
        if obj is None:
            obj = model.objects.create(slug=instance.slug, **values)
        elif any(getattr(obj, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            obj.save()
        saved[obj.slug] = obj
    return saved


def _page_state(page):
    """What a fixture entry determines about a page, for comparing without writing."""
    return {
        **{name: getattr(page, name) for name in FIELDS_COMPARED},
        "body": without_block_ids(list(page.body.raw_data)),
        "city": page.city.slug,
        "further_cities": sorted(c.slug for c in page.further_cities.all()),
        "themes": sorted(t.name for t in page.themes.all()),
        "topics": sorted(t.slug for t in page.topics.all()),
        "partners": [(p.organisation.slug, p.role) for p in page.partners.all()],
        "sources": [(s.title, s.url) for s in page.sources.all()],
    }


def _entry_state(entry):
    fields = {name: entry.fields.get(name, PracticePage._meta.get_field(name).get_default()) for name in FIELDS_COMPARED}
    return {
        **fields,
        "body": entry.fields["body"],
        "city": entry.city_slug,
        "further_cities": sorted(entry.further_cities),
        "themes": sorted(entry.themes),
        "topics": sorted(entry.topics),
        "partners": [(p.organisation.slug, p.role) for p in entry.partners],
        "sources": [(s.title, s.url) for s in entry.sources],
    }


def _version_state(page):
    """What a translation block determines about a translation."""
    return {
        "title": page.title,
        "summary": page.summary,
        "legal_privacy_notes": page.legal_privacy_notes,
        "body": without_block_ids(list(page.body.raw_data)),
        "roles": [partner.role for partner in page.partners.all()],
    }


def _move_to(page, index):
    """An original written in another language than its locale's: into that language's tree."""
    if page.get_parent().pk != index.pk:
        page.move(index, pos="last-child")
        page.refresh_from_db()
    if page.locale_id != index.locale_id:
        page.locale_id = index.locale_id
        page.save(update_fields=["locale"])


@transaction.atomic
def write_demo_content(content, indexes, progress=lambda message: None):
    """Write the content; indexes: {language code: the practice index of that language}.
    An entry's original goes under the index of its language, its translation under the
    other's, with the same slug."""
    cities = _upsert_all(
        City, content.cities,
        ["name", "name_fr", "country", "region", "latitude", "longitude", "population_band"],
    )
    organisations = _upsert_all(Organisation, content.organisations, ["name", "sector", "industry", "industry_fr", "country", "website"])
    topics = _upsert_all(Topic, content.topics, ["name", "name_fr"])
    # The versions of each entry by slug, its original (the first created) first.
    by_slug = {}
    for page in (
        PracticePage.objects.filter(slug__in=[entry.slug for entry in content.practices])
        .select_related("city", "locale")
        .prefetch_related("further_cities", "themes", "topics", "partners__organisation", "sources")
        .order_by("pk")
    ):
        by_slug.setdefault(page.slug, []).append(page)
    for position, entry in enumerate(content.practices, start=1):
        found = by_slug.get(entry.slug, [])
        page = found[0] if found else PracticePage()
        index = indexes[entry.fields["language"]]
        if page.pk:
            _move_to(page, index)
        if page.pk and page.live and _page_state(page) == _entry_state(entry):
            progress(f"{position}/{len(content.practices)} {entry.slug} (unchanged)")
        else:
            _write_original(page, entry, index, cities, organisations, topics)
            progress(f"{position}/{len(content.practices)} {entry.slug}")
        if entry.translation:
            _write_translation(page, found[1:], entry, indexes[entry.translation["language"]])
    return len(cities), len(organisations), len(content.practices)


def _write_original(page, entry, index, cities, organisations, topics):
    for name, value in entry.fields.items():
        setattr(page, name, value)
    page.city = cities[entry.city_slug]
    if page.pk is None:
        index.add_child(instance=page)
    page.further_cities = [cities[s] for s in entry.further_cities]
    page.themes.set(entry.themes)
    page.topics.set([topics[slug] for slug in entry.topics])
    # sort_order set explicitly: unset, PostgreSQL returns the rows in any order.
    page.partners = [
        PracticePartner(organisation=organisations[p.organisation.slug], role=p.role, sort_order=position)
        for position, p in enumerate(entry.partners)
    ]
    page.sources = [
        PracticeSource(title=s.title, url=s.url, sort_order=position) for position, s in enumerate(entry.sources)
    ]
    page.save_revision(log_action=True).publish()


def _write_translation(original, others, entry, index):
    """Create or update the entry's translation; what it shares with the original is
    taken from it when the translation is saved (practices.models.translation)."""
    block = entry.translation
    page = next((other for other in others if other.locale_id == index.locale_id), None)
    expected = {**block["fields"], "body": block["fields"]["body"], "roles": block["roles"]}
    if page is not None and page.live and _version_state(page) == expected:
        return
    page = page or PracticePage(translation_key=original.translation_key, slug=entry.slug)
    for name, value in block["fields"].items():
        setattr(page, name, value)
    page.partners = [
        PracticePartner(organisation=partner.organisation, role=role, sort_order=position)
        for position, (partner, role) in enumerate(zip(original.partners.all(), block["roles"]))
    ]
    if page.pk is None:
        index.add_child(instance=page)
    page.save_revision(log_action=True).publish()
