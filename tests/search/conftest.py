"""The contract tests run on every engine (tests/helpers.py)."""

import pytest

from search.documents import build_document, practices_for_indexing
from search.listings import listing_documents
from search.engines import get_engine
from search.listings import sync_listings
from tests.helpers import ENGINES, make_engine, use_engine


@pytest.fixture(scope="module", params=ENGINES)
def engine(request, tmp_path_factory, django_db_setup, django_db_blocker):
    """A fresh index of the demonstration content, built once per module and engine."""
    engine = make_engine(request.param, tmp_path_factory.mktemp("contract-index"))
    with django_db_blocker.unblock():
        engine.rebuild(build_document(p) for p in practices_for_indexing())
        engine.replace_listings(listing_documents())
    yield engine
    if request.param != "embedded":
        engine.drop()


@pytest.fixture(params=ENGINES)
def site_engine(request, settings, tmp_path):
    """The site's engine of each kind, with the demonstration content and its listings."""
    remove = use_engine(request.param, settings, tmp_path / "search-index")
    get_engine().rebuild(build_document(p) for p in practices_for_indexing())
    sync_listings()
    yield request.param
    remove()
