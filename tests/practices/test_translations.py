"""Every entry in both languages: Wagtail's locales, linked translations, shared fields kept
in step, the switcher, listings that show each entry once."""

import re

import pytest
from django.db import transaction
from django.utils import translation

from kb.demo_content import DemoContentError, read_demo_content
from networks.models import EventPage, NetworkPage, ReferencePage
from practices.models import City, PracticePage

from tests.helpers import original

pytestmark = pytest.mark.django_db

# Words of the interface that only one language uses (labels of the page around an entry).
INTERFACE_WORDS = {
    "en": ["Key facts", "Partners", "Evidence level", "All practices", "Log in"],
    "fr": ["En bref", "Partenaires", "Niveau de preuve", "Toutes les pratiques", "Connexion"],
}


def interface_label(word):
    """The label as a piece of the page's frame: the whole text of an element, give or take
    punctuation (an entry's own text may name "Partners HealthCare")."""
    return re.compile(rf">[^<\w]*{re.escape(word)}[^<\w]*<")


def translated_entries():
    return [page for page in PracticePage.objects.live().select_related("locale").order_by("pk") if page.is_translation]


def _shared_state(page):
    state = {}
    for name in page.shared_fields:
        field = page._meta.get_field(name)
        value = getattr(page, name)
        state[name] = sorted(value.values_list("pk", flat=True)) if field.many_to_many else value
    state["contacts"] = page.contacts.get_prep_value()
    for name in page.shared_tags:
        state[name] = sorted(tag.pk for tag in getattr(page, name).all())
    state["sources"] = [(source.title, source.url) for source in page.sources.all()]
    state["partner_organisations"] = [partner.organisation_id for partner in page.partners.all()]
    return state


def test_translations_are_linked_to_their_original_in_the_other_language():
    translations = translated_entries()
    assert translations, "the demonstration content has translated entries"
    for page in translations:
        source = page.original
        assert source.translation_key == page.translation_key and source.pk < page.pk
        assert source.locale_id != page.locale_id
        # The original is written in its own locale's language; the translation in the other.
        assert source.locale.language_code == source.language
        assert page.content_language != page.language
        assert page.slug == source.slug


@pytest.mark.parametrize("model", [PracticePage, NetworkPage, EventPage, ReferencePage])
def test_every_live_entry_of_the_demonstration_exists_in_both_languages(model):
    versions = {}
    for key, language in model.objects.live().values_list("translation_key", "locale__language_code"):
        versions.setdefault(key, set()).add(language)
    assert versions, f"the demonstration content has {model.__name__} pages"
    missing = [key for key, languages in versions.items() if languages != {"en", "fr"}]
    assert not missing, f"{len(missing)} of {len(versions)} {model.__name__} entries lack a version"


def test_synchronised_fields_are_equal_in_both_versions():
    for page in translated_entries():
        assert _shared_state(page) == _shared_state(page.original), page.slug
        # What is translated differs (a title may be a name, the same in both languages).
        assert page.summary != page.original.summary
        roles = [partner.role for partner in page.partners.all()]
        assert roles != [partner.role for partner in page.original.partners.all()]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_version_is_served_in_its_language_with_no_words_of_the_other(client, language):
    other = "fr" if language == "en" else "en"
    for page in PracticePage.objects.live().filter(locale__language_code=language, access_level="public"):
        versions = {v.locale.language_code: v for v in page.get_translations(inclusive=True).select_related("locale")}
        if len(versions) < 2:
            continue
        html = client.get(page.url).content.decode()
        assert f'<html lang="{language}">' in html
        for word in INTERFACE_WORDS[language]:
            assert interface_label(word).search(html), f"{page.url}: “{word}” missing on a page in {language}"
        for word in INTERFACE_WORDS[other]:
            assert not interface_label(word).search(html), f"{page.url}: “{word}” on a page in {language}"
        # The switcher and the head lead to the same entry in the other language.
        target = versions[other].url
        assert re.search(rf'<a href="{re.escape(target)}" lang="{other}" hreflang="{other}"', html), page.url
        assert f'<link rel="alternate" hreflang="{other}" href="http://localhost{target}">' in html


def test_a_translation_says_so_and_links_its_original(client):
    page = next(page for page in translated_entries() if page.content_language == "fr")
    html = client.get(page.url).content.decode()
    assert "Cette page est une traduction." in html
    assert f'href="{page.original.url}"' in html
    assert "This page is a translation." not in client.get(page.original.url).content.decode()


def test_listings_show_each_entry_once_in_the_interface_language(client, without_page_cache):
    page = original(PracticePage, "cssc-london")
    french = page.get_translations().get(locale__language_code="fr")
    html_fr = client.get("/fr/cities/london/").content.decode()
    html_en = client.get("/cities/london/").content.decode()
    translation.activate("en")
    assert french.title in html_fr and page.title not in html_fr
    assert page.title in html_en and french.title not in html_en
    # The London profile counts the entry once, in either language.
    assert client.get("/fr/cities/london/").context["practice_count"] == client.get("/cities/london/").context["practice_count"]
    translation.activate("en")


def test_the_sitemap_lists_both_languages(client):
    xml = client.get("/sitemap.xml").content.decode()
    page = original(PracticePage, "cssc-london")
    assert f"http://localhost{page.url}<" in xml
    assert f"http://localhost/fr{page.url}<" in xml
    assert "http://localhost/fr/practices/<" in xml


def test_a_tier_change_on_an_original_reaches_its_translation_in_the_same_transaction():
    page = original(PracticePage, "cssc-london")
    with transaction.atomic():
        revision = page.save_revision()
        page.access_level = "network"
        page.save_revision().publish()
        assert set(PracticePage.objects.filter(translation_key=page.translation_key).values_list("access_level", flat=True)) == {"network"}
        transaction.set_rollback(True)
    assert revision.pk


def test_a_translation_cannot_change_what_it_shares_with_its_original():
    page = next(iter(translated_entries()))
    page.city = City.objects.exclude(pk=page.city_id).first()
    page.access_level = "public" if page.access_level != "public" else "network"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.city_id == page.original.city_id and page.access_level == page.original.access_level


def test_a_translation_block_with_a_role_missing_is_refused(tmp_path, settings):
    fixtures = tmp_path / "fixtures"
    source = settings.BASE_DIR / "fixtures"
    for name in ("cities.yaml", "organisations.yaml", "topics.yaml"):
        (fixtures / name).parent.mkdir(parents=True, exist_ok=True)
        (fixtures / name).write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
    (fixtures / "practices").mkdir()
    text = (source / "practices" / "cssc-london.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(  partner_roles:\n)    - [^\n]+\n", r"\1", text)
    (fixtures / "practices" / "cssc-london.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DemoContentError, match=r"cssc-london, translation.*partner_roles: 3 given for 4 partners"):
        read_demo_content(fixtures)
