"""Loads the networks, events and reference documents of the demonstration content
(fixtures/networks/, fixtures/events/, fixtures/references/: one file per page, the file
name is the slug; format in fixtures/README.md).

Like the practices, every file is validated before anything is written; pages are matched
by slug under their index page and written again only when their file changed.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from networks.models import EventPage, EventSource, NetworkPage, NetworkSource, ReferencePage, ReferenceSource

from .demo_content import (
    PAGE_CLEAN_EXCLUDE,
    _check_keys,
    _fail,
    _read_yaml,
    _string_list,
    _validation_message,
    validated_sources,
)

SOURCES = {NetworkPage: NetworkSource, EventPage: EventSource, ReferencePage: ReferenceSource}


@dataclass(frozen=True)
class Kind:
    """One kind of listed page: its model, folder and the keys of its files."""

    model: type
    folder: str
    required: frozenset
    optional: frozenset
    # key -> the kind of slug it lists: "city", "organisation", "practice" or "network"
    links: dict = field(default_factory=dict)
    dates: tuple = ()

    @property
    def keys(self):
        return self.required | self.optional - {"translation"}

    @property
    def translated(self):
        """The keys of a translation block: the texts, translated ("programme" for events)."""
        return {"title", "summary", *({"programme"} & self.optional)}


NETWORK = Kind(
    NetworkPage, "networks",
    required=frozenset({"title", "summary", "sources"}),
    optional=frozenset({"acronym", "founded_year", "secretariat", "website", "member_cities", "practices", "translation"}),
    links={"secretariat": "organisation", "member_cities": "city", "practices": "practice"},
)
EVENT = Kind(
    EventPage, "events",
    required=frozenset({"title", "summary", "start_date", "sources"}),
    optional=frozenset({"end_date", "date_precision", "city", "organisers", "organising_networks", "programme", "practices", "translation"}),
    links={"city": "city", "organisers": "organisation", "organising_networks": "network", "practices": "practice"},
    dates=("start_date", "end_date"),
)
REFERENCE = Kind(
    ReferencePage, "references",
    required=frozenset({"title", "kind", "authors", "year", "summary", "sources"}),
    optional=frozenset({"document_url", "practices", "translation"}),
    links={"practices": "practice"},
)
KINDS = (NETWORK, EVENT, REFERENCE)


@dataclass
class ListedPage:
    kind: Kind
    slug: str
    fields: dict
    links: dict
    sources: list
    # The texts in the other language ({field: value}), or None.
    translation: dict = None


def _date(path, slug, name, value):
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        _fail(path, slug, f"{name}: expected a date (YYYY-MM-DD)")


def _validate(kind, path, known):
    slug = path.stem
    data = _read_yaml(path)
    _check_keys(path, slug, data, kind.required, kind.optional)
    links = {}
    for key, target in kind.links.items():
        value = data.get(key)
        single = not kind.model._meta.get_field(key).many_to_many
        slugs = ([value] if value else []) if single else _string_list(path, slug, key, value)
        unknown = [s for s in slugs if s not in known[target]]
        if unknown:
            _fail(path, slug, f"{key}: unknown {target} slug(s) {', '.join(map(str, unknown))}")
        links[key] = slugs[0] if single and slugs else (None if single else slugs)
    fields = {key: data[key] for key in kind.keys - kind.links.keys() - {"sources"} if key in data}
    fields["summary"] = " ".join(str(fields["summary"]).split())
    translation = None
    if data.get("translation") is not None:
        translation = _translation(kind, path, slug, data["translation"])
    for name in kind.dates:
        fields[name] = _date(path, slug, name, fields.get(name))
    if "programme" in kind.optional:
        fields["programme"] = _programme(path, slug, fields.get("programme"))
        if translation and len(translation["programme"]) != len(fields["programme"]):
            _fail(path, slug, "translation: programme: one point per point of the original, in order")
    # A key left out of a file is the field's default, so that loading again changes nothing.
    for name in kind.keys - kind.required - kind.links.keys() - fields.keys():
        fields[name] = kind.model._meta.get_field(name).get_default()
    for name in ("acronym", "website", "document_url"):
        if name in kind.optional:
            fields[name] = fields[name] or ""
    page = kind.model(slug=slug, **fields)
    try:
        page.full_clean(exclude=PAGE_CLEAN_EXCLUDE + ["city"])
    except ValidationError as error:
        _fail(path, slug, _validation_message(error))
    sources = validated_sources(path, slug, data["sources"], SOURCES[kind.model])
    if translation:
        translated = kind.model(slug=slug, **{**fields, **translation})
        try:
            translated.full_clean(exclude=PAGE_CLEAN_EXCLUDE + ["city"])
        except ValidationError as error:
            _fail(path, f"{slug}, translation", _validation_message(error))
    return ListedPage(kind, slug, fields, links, [(source.title, source.url) for source in sources], translation)


def _programme(path, slug, points):
    return [{"type": "point", "value": point} for point in _string_list(path, slug, "programme", points)]


def _translation(kind, path, slug, data):
    """A page's translation block: its texts in French (the other fields are shared)."""
    where = f"{slug}, translation"
    _check_keys(path, where, data, {"title", "summary"}, kind.translated)
    fields = {"title": data["title"], "summary": " ".join(str(data["summary"]).split())}
    if "programme" in kind.translated:
        fields["programme"] = _programme(path, where, data.get("programme"))
    return fields


def read_listed_pages(directory, city_slugs, organisation_slugs, practice_slugs):
    """Every network, event and reference file, validated; networks first (events name them)."""
    known = {"city": set(city_slugs), "organisation": set(organisation_slugs), "practice": set(practice_slugs)}
    pages = []
    for kind in KINDS:
        if kind is EVENT:
            known["network"] = {page.slug for page in pages if page.kind is NETWORK}
        pages += [_validate(kind, path, known) for path in sorted((directory / kind.folder).glob("*.yaml"))]
    return pages


def _state(kind, page):
    state = {name: getattr(page, name) for name in kind.keys - kind.links.keys() - {"sources"}}
    if "programme" in state:
        state["programme"] = [block.value for block in page.programme]
    for key in kind.links:
        value = getattr(page, key)
        state[key] = (value.slug if value else None) if not hasattr(value, "all") else sorted(v.slug for v in value.all())
    state["sources"] = [(s.title, s.url) for s in page.sources.all()]
    return state


def _entry_state(entry):
    state = dict(entry.fields)
    if "programme" in state:
        state["programme"] = [point["value"] for point in state["programme"]]
    for key, value in entry.links.items():
        state[key] = sorted(value) if isinstance(value, list) else value
    state["sources"] = list(entry.sources)
    return {name: state.get(name) for name in entry.kind.keys}


def write_listed_pages(entries, indexes, objects, translation_indexes=None, progress=lambda message: None):
    """Create or update each page under its kind's index, and its translation under the
    index of the other language (translation_indexes); objects maps a link kind to
    {slug: object} for cities, organisations, practices (networks are added as written)."""
    objects = dict(objects, network={})
    for position, entry in enumerate(entries, start=1):
        model = entry.kind.model
        page = model.objects.child_of(indexes[model]).filter(slug=entry.slug).first()
        if page is not None and page.live and _state(entry.kind, page) == _entry_state(entry):
            progress(f"{position}/{len(entries)} {entry.slug} (unchanged)")
        else:
            page = _write(page or model(slug=entry.slug), entry, indexes[model], objects)
            progress(f"{position}/{len(entries)} {entry.slug}")
        if entry.translation and translation_indexes:
            _write_translation(page, entry, translation_indexes[model])
        if model is NetworkPage:
            objects["network"][page.slug] = page
    return len(entries)


def _write_translation(original, entry, index):
    """Create or update the page's translation; what it shares with the original is taken
    from it when the translation is saved (practices.models.translation)."""
    page = original.translations().filter(locale_id=index.locale_id).first()
    page = page.specific if page is not None else None
    if page is not None and page.live and _translation_state(page) == entry.translation:
        return
    page = page or entry.kind.model(translation_key=original.translation_key, slug=entry.slug)
    for name, value in entry.translation.items():
        setattr(page, name, value)
    if page.pk is None:
        index.add_child(instance=page)
    page.save_revision(log_action=True).publish()


def _translation_state(page):
    state = {"title": page.title, "summary": page.summary}
    if hasattr(page, "programme"):
        state["programme"] = [{"type": "point", "value": block.value} for block in page.programme]
    return state


def _write(page, entry, index, objects):
    for name, value in entry.fields.items():
        setattr(page, name, value)
    for key, value in entry.links.items():
        target = entry.kind.links[key]
        if isinstance(value, list):
            setattr(page, key, [objects[target][slug] for slug in value])
        else:
            setattr(page, key, objects[target][value] if value else None)
    page.sources = [
        SOURCES[entry.kind.model](title=title, url=url, sort_order=order) for order, (title, url) in enumerate(entry.sources)
    ]
    if page.pk is None:
        index.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    return page
