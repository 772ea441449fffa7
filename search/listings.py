"""Networks, events and reference documents in search: public pages, few, shown in a
short list of their own beside the practices and among the suggestions.

Every engine keeps them in a store of their own, replaced whole whenever one of them is
published, unpublished, moved or deleted (there are tens, not thousands); the rules of
the match are in search.engines.base (LISTING_WEIGHTS, LISTING_LIMIT).
"""

from networks.models import EventPage, NetworkPage, ReferencePage
from page_cache.generation import invalidate as drop_cached_pages

from .documents import canonical_path
from .engines import get_engine


def _network(page):
    return {"kind": "network", "acronym": page.acronym, "extra": [page.secretariat.name if page.secretariat else ""]}


def _event(page):
    extra = [page.city.name if page.city else "", *(o.name for o in page.organisers.all())]
    return {"kind": "event", "acronym": "", "extra": extra}


def _reference(page):
    return {"kind": "reference", "acronym": "", "extra": [page.authors, page.get_kind_display()]}


KINDS = (
    (NetworkPage.objects.select_related("secretariat"), _network),
    (EventPage.objects.select_related("city").prefetch_related("organisers"), _event),
    (ReferencePage.objects.all(), _reference),
)


def listing_documents():
    """The document of every live network, event and reference page."""
    documents = []
    for queryset, details in KINDS:
        for page in queryset.live().order_by("pk"):
            fields = details(page)
            documents.append({
                "id": f"{fields['kind']}-{page.pk}",
                "page_id": page.pk,
                "kind": fields["kind"],
                "title": page.title,
                "acronym": fields["acronym"],
                "name": f"{page.title} {fields['acronym']}".strip(),
                "summary": page.summary,
                "extra": " ".join(text for text in fields["extra"] if text),
                "url": canonical_path(page),
            })
    return documents


def sync_listings():
    """Give the engine the current listings. Raises EngineUnavailable."""
    documents = listing_documents()
    get_engine().replace_listings(documents)
    drop_cached_pages()
    return len(documents)
