"""The indexed document of a practice."""

import pytest

from practices.models import PracticePage
from search.documents import build_document, fingerprint

from tests.helpers import original

pytestmark = pytest.mark.django_db


def test_body_text_is_plain_characters_not_html_entities():
    page = PracticePage.objects.filter(language="fr", body__icontains="&#x27;").first()
    assert page is not None, "a French entry with an apostrophe in its body"
    document = build_document(page)
    assert "'" in document["body"]
    assert "&#x27;" not in document["body"] and "&amp;" not in document["body"] and "<p>" not in document["body"]


def test_document_carries_every_field_both_engines_need():
    page = original(PracticePage, "nypd-shield-new-york")
    document = build_document(page)
    assert document["id"] == page.pk and document["url"] == "/practices/nypd-shield-new-york/"
    assert document["cities"][0] == page.city.slug and document["country"] == "US"
    assert set(document["themes"]) == {t.name for t in page.themes.all()}
    assert {"public", "private"} <= set(document["partner_sectors"])
    assert document["fingerprint"] == fingerprint(document)


def test_fingerprint_changes_with_content():
    document = build_document(PracticePage.objects.first())
    changed = dict(document, summary=document["summary"] + " more")
    assert fingerprint(changed) != document["fingerprint"]
