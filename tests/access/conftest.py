"""A small world of canary entries, one per tier, for the leak tests.

Each entry carries unique canary words: zq<tier><field>, where tier is pub (public), net
(network), res (restricted to one member organisation) or tea (restricted, with a public
title and summary) and field is ttl (title and slug), sum (summary), bod (body), prt
(partner organisation), tag (topic), att (attached document: title, file name and content)
or con (contact). The words survive the analysers unchanged (no stemmable suffix).
"""

import datetime
import re
from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import ReferenceIndex

from networks.models import EventIndexPage, EventPage, NetworkIndexPage, NetworkPage, ReferenceIndexPage, ReferencePage
from practices.models import City, Organisation, PracticeIndexPage, PracticePage
from practices.models.practice import PracticePartner, PracticeSource
from search.documents import build_document, practices_for_indexing
from search.engines import get_engine
from tests.helpers import ENGINES, create_member, create_staff, publish_translation, use_engine

TIERS = {"pub": "public", "net": "network", "res": "restricted", "tea": "restricted"}
FIELDS = ("ttl", "sum", "bod", "prt", "tag", "att", "con")
CANARY = re.compile(r"\bzq(pub|net|res|tea)(ttl|sum|bod|prt|tag|att|con)\b", re.IGNORECASE)
VIEWERS = ("anonymous", "uncleared_member", "cleared_member", "editor")


def canaries_in(text):
    return {match.group(0).lower() for match in CANARY.finditer(text)}


def readable(viewer, tier):
    """Which entries each viewer may read in full: the rule of issue 5, written out by hand."""
    return {
        "anonymous": {"pub"},
        "uncleared_member": {"pub", "net"},
        "cleared_member": {"pub", "net", "res", "tea"},
        "editor": {"pub", "net", "res", "tea"},
    }[viewer].__contains__(tier)


def allowed_canaries(viewer):
    """Every canary word this viewer may meet somewhere on the site."""
    words = set()
    for tier in TIERS:
        for code in FIELDS:
            if code == "con" and viewer == "anonymous":
                continue  # contacts: network members only, whatever the tier
            if readable(viewer, tier) or (tier == "tea" and code in ("ttl", "sum")):
                words.add(f"zq{tier}{code}")
    return words


@dataclass
class CanaryWorld:
    city: City
    pages: dict  # tier code -> PracticePage
    documents: dict  # tier code -> Document
    translations: dict = field(default_factory=dict)  # tier code -> the page's French translation
    users: dict = field(default_factory=dict)  # viewer -> user or None
    listed_pages: list = field(default_factory=list)  # a network, an event and a reference linking every tier


def _listed_pages(city, practices):
    """A network, an event and a reference document, public pages each linked to every canary entry."""
    common = {"summary": "A public page linked to the canary entries.", "practices": list(practices.values())}
    kinds = [
        (NetworkIndexPage, NetworkPage(title="Canary network", slug="canary-network", member_cities=[city], **common)),
        (EventIndexPage, EventPage(title="Canary event", slug="canary-event", city=city,
                                   start_date=datetime.date(2024, 5, 13), **common)),
        (ReferenceIndexPage, ReferencePage(title="Canary reference", slug="canary-reference", kind="guide",
                                           authors="Canary authors", year=2022, **common)),
    ]
    pages = []
    for index_model, page in kinds:
        index_model.in_language("en").add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages


def _document(tier):
    document = Document(title=f"zq{tier}att briefing")
    document.file.save(f"zq{tier}att.pdf", ContentFile(f"%PDF-1.4\n% zq{tier}att canary content\n%%EOF\n".encode()), save=False)
    document.save()
    return document


def _page(index, tier, city, organisation, cleared_organisation, document):
    page = PracticePage(
        title=f"zq{tier}ttl canary practice",
        slug=f"zq{tier}ttl-canary",
        summary=f"zq{tier}sum summary of a canary practice about stations.",
        city=city,
        target_types=["transport-hubs"],
        partnership_models=[],
        language="en",
        access_level=TIERS[tier],
        summary_is_public=(tier == "tea"),
        body=[{"type": "section", "value": {"kind": "context", "content": [
            {"type": "paragraph", "value": f"<p>zq{tier}bod describes the station entrances.</p>"},
            {"type": "document", "value": {"document": document.pk, "description": ""}},
        ]}}],
        contacts=[{"type": "contact", "value": {"name": f"zq{tier}con Person", "email": f"zq{tier}con@example.org"}}],
    )
    index.add_child(instance=page)
    page.themes.set(["prevention", "protection"])
    page.topics.set([f"zq{tier}tag", "zqsharedtopic"])
    page.partners = [PracticePartner(organisation=organisation, role="Operator", sort_order=0)]
    page.sources = [PracticeSource(title="Canary source", url="https://example.org/canary", sort_order=0)]
    if TIERS[tier] == "restricted":
        page.restricted_organisations = [cleared_organisation]
        page.owner_organisation = cleared_organisation
    page.save_revision().publish()
    page.refresh_from_db()
    ReferenceIndex.create_or_update_for_object(page)
    return page


# The French version of a canary entry: the same canary words in French text, and a word
# of its own ("canari") that says which version a channel shows.
TRANSLATION_WORD = "canari"


def _translation(page, tier, document):
    return publish_translation(
        page, "fr",
        title=f"zq{tier}ttl pratique {TRANSLATION_WORD}",
        summary=f"zq{tier}sum résumé d’une pratique {TRANSLATION_WORD} sur les gares.",
        body=[{"type": "section", "value": {"kind": "context", "content": [
            {"type": "paragraph", "value": f"<p>zq{tier}bod décrit les entrées de la gare.</p>"},
            {"type": "document", "value": {"document": document.pk, "description": ""}},
        ]}}],
    )


@pytest.fixture(params=ENGINES)
def search_engine_name(request, settings, tmp_path):
    """The world is searched on every engine (tests/helpers.py)."""
    remove = use_engine(request.param, settings, tmp_path / "leak-index")
    yield request.param
    remove()


@pytest.fixture
def canary_world(db, search_engine_name):
    city = City.objects.create(name="Canaryville", slug="canaryville", country="FR", region="europe")
    cleared_organisation = Organisation.objects.create(name="Cleared Transit Operator", slug="cleared-operator", sector="private")
    index = PracticeIndexPage.in_language("en")
    pages, documents = {}, {}
    for tier in TIERS:
        partner = Organisation.objects.create(name=f"zq{tier}prt Security Ltd", slug=f"zq{tier}prt", sector="private")
        documents[tier] = _document(tier)
        pages[tier] = _page(index, tier, city, partner, cleared_organisation, documents[tier])
    translations = {tier: _translation(page, tier, documents[tier]) for tier, page in pages.items()}
    get_engine().rebuild(build_document(p) for p in practices_for_indexing())
    world = CanaryWorld(
        city=city, pages=pages, documents=documents, translations=translations, listed_pages=_listed_pages(city, pages)
    )
    world.users = {
        "anonymous": None,
        "uncleared_member": create_member("uncleared@example.org"),
        "cleared_member": create_member("cleared@example.org", organisation=cleared_organisation),
        "editor": create_staff("canaryeditor"),
    }
    return world
