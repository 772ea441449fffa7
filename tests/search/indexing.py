"""What the indexing tests share: what a public visitor finds, and an editor's publish."""

from search.engines import get_engine
from search.query import PracticeQuery


def found(text):
    """The ids of the practices a public visitor finds for this text, on the site's engine."""
    return {hit.practice_id for hit in get_engine().search(PracticeQuery(text=text, access_levels=("public",))).hits}


def publish(page):
    page.save_revision().publish()
