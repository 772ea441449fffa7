"""The demonstration content: counts, truthfulness rules and the loader's safety."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db.models import Count

from practices.models import City, Organisation, PracticePage, PracticePartner, PracticeSource
from practices.models.vocabulary import Language, ThemeChoice

from tests.helpers import original

pytestmark = pytest.mark.django_db
FIXTURES = Path(settings.BASE_DIR) / "fixtures"


def counts():
    return {
        "practices": PracticePage.objects.count(),
        "cities": City.objects.count(),
        "organisations": Organisation.objects.count(),
        "partners": PracticePartner.objects.count(),
        "sources": PracticeSource.objects.count(),
    }


def test_counts_meet_the_foundation_targets():
    practices = PracticePage.objects.live()
    cities = City.objects.filter(practices__in=practices).distinct()
    assert practices.count() >= 60
    assert cities.count() >= 25
    assert cities.values("country").distinct().count() >= 15
    assert cities.values("region").distinct().count() >= 5


@pytest.mark.parametrize("theme", ThemeChoice.values)
def test_every_theme_has_at_least_ten_entries(theme):
    assert PracticePage.objects.live().filter(themes__name=theme).count() >= 10


def test_at_least_fifteen_entries_are_written_in_french():
    assert PracticePage.objects.filter(language=Language.FRENCH).count() >= 15


def test_every_entry_has_a_public_and_a_private_partner_and_a_source():
    for practice in PracticePage.objects.prefetch_related("partners__organisation", "sources"):
        sectors = {partner.organisation.sector for partner in practice.partners.all()}
        assert {"public", "private"} <= sectors, practice.slug
        sources = list(practice.sources.all())
        assert sources and all(s.url.startswith(("http://", "https://")) for s in sources), practice.slug


def test_every_fixture_file_became_one_page():
    slugs = {path.stem for path in (FIXTURES / "practices").glob("*.yaml")}
    assert set(PracticePage.objects.values_list("slug", flat=True)) == slugs


def test_loading_twice_leaves_the_same_counts(private_search_index):
    before = counts()
    call_command("load_demo_content", verbosity=0)
    assert counts() == before


@pytest.fixture
def fixture_copy(tmp_path, private_search_index):
    """A copy of fixtures/ to break; loads from it index into a private search index."""
    target = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, target, ignore=shutil.ignore_patterns("README.md", "parts"))
    return target


def add_practice(directory, slug, text):
    (directory / "practices" / f"{slug}.yaml").write_text(text, encoding="utf-8")


VALID_ENTRY = """
title: A new test practice
language: en
summary: A short summary.
city: {city}
themes: [prevention]
partners:
  - organisation: {public}
    role: Ran it.
  - organisation: {private}
    role: Paid for it.
body:
  context: Why.
  implementation: How.
sources:
  - title: A source
    url: https://example.org/source
"""


def valid_entry(**overrides):
    public = Organisation.objects.filter(sector="public").first().slug
    private = Organisation.objects.filter(sector="private").first().slug
    values = {"city": City.objects.first().slug, "public": public, "private": private}
    values.update(overrides)
    return VALID_ENTRY.format(**values)


def load_expecting_error(directory):
    before = counts()
    with pytest.raises(CommandError) as error:
        call_command("load_demo_content", path=str(directory), verbosity=0)
    assert counts() == before, "a failed load must write nothing"
    return str(error.value)


def test_a_valid_new_file_is_loaded(fixture_copy):
    add_practice(fixture_copy, "a-new-test-practice", valid_entry())
    call_command("load_demo_content", path=str(fixture_copy), verbosity=0)
    page = original(PracticePage, "a-new-test-practice")
    assert [t.name for t in page.themes.all()] == ["prevention"]
    assert page.live


def test_malformed_yaml_stops_the_load_and_names_the_file(fixture_copy):
    add_practice(fixture_copy, "a-new-test-practice", valid_entry())
    add_practice(fixture_copy, "zz-broken", "title: [unclosed\nsummary: x: y\n")
    message = load_expecting_error(fixture_copy)
    assert "zz-broken.yaml" in message and "not valid YAML" in message
    assert not PracticePage.objects.filter(slug="a-new-test-practice").exists()


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda text: text.replace("[prevention]", "[terrorism]"), "themes: terrorism"),
        (lambda text: text.replace("title: A new", "titel: A new"), "unknown field(s): titel"),
        (lambda text: text.replace("summary: A short summary.", "summary: " + "x" * 601), "summary"),
        (lambda text: text.replace("url: https://example.org/source", "url: not-a-url"), "source"),
        (lambda text: text.replace("  implementation: How.\n", ""), "missing section(s) implementation"),
        (lambda text: text.replace("language: en", "language: de"), "language"),
    ],
    ids=["theme", "unknown-field", "long-summary", "bad-url", "missing-section", "language"],
)
def test_an_invalid_entry_is_named_and_nothing_is_written(fixture_copy, change, expected):
    add_practice(fixture_copy, "zz-invalid", change(valid_entry()))
    message = load_expecting_error(fixture_copy)
    assert "zz-invalid.yaml" in message and "zz-invalid" in message
    assert expected in message


def test_an_unknown_city_is_refused(fixture_copy):
    add_practice(fixture_copy, "zz-invalid", valid_entry(city="atlantis"))
    assert "city “atlantis” is not in cities.yaml" in load_expecting_error(fixture_copy)


def test_an_entry_without_a_partner_is_refused(fixture_copy):
    entry = valid_entry()
    partners = entry[entry.index("partners:"):entry.index("body:")]
    add_practice(fixture_copy, "zz-invalid", entry.replace(partners, "partners: []\n"))
    assert "Name at least one partner and its role." in load_expecting_error(fixture_copy)


def test_a_broken_city_file_is_named(fixture_copy):
    with open(fixture_copy / "cities.yaml", "a", encoding="utf-8") as handle:
        handle.write("- slug: nowhere\n  name: Nowhere\n  country: XX\n  region: europe\n")
    message = load_expecting_error(fixture_copy)
    assert "cities.yaml" in message and "nowhere" in message and "country" in message


def test_no_fixture_reuses_a_summary():
    duplicated = (
        PracticePage.objects.values("summary").annotate(n=Count("pk")).filter(n__gt=1)
    )
    assert not duplicated.exists()


def test_a_changed_fixture_updates_its_page_and_keeps_the_others(fixture_copy):
    path = sorted((fixture_copy / "practices").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    page = original(PracticePage, path.stem)
    other_revisions = PracticePage.objects.exclude(pk=page.pk).values_list("latest_revision_id", flat=True)
    before = set(other_revisions)
    path.write_text(text.replace("\nsummary:", "\nsummary: Revised.", 1), encoding="utf-8")
    call_command("load_demo_content", path=str(fixture_copy), verbosity=0)
    page.refresh_from_db()
    assert page.summary.startswith("Revised.")
    assert set(other_revisions.all()) == before, "unchanged entries get no new revision"


def test_partners_and_sources_keep_the_order_of_the_file():
    path = FIXTURES / "practices" / "nypd-shield-new-york.yaml"
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    page = original(PracticePage, "nypd-shield-new-york")
    assert [p.organisation.slug for p in page.partners.all()] == [p["organisation"] for p in data["partners"]]
    assert [s.url for s in page.sources.all()] == [s["url"] for s in data["sources"]]
    assert [p.sort_order for p in page.partners.all()] == list(range(len(data["partners"])))


def test_a_topic_outside_the_vocabulary_stops_the_load(fixture_copy):
    add_practice(fixture_copy, "a-new-test-practice", valid_entry() + "topics: [cctv-cameras]\n")
    message = load_expecting_error(fixture_copy)
    assert "a-new-test-practice.yaml" in message and "cctv-cameras" in message and "topics.yaml" in message


def test_every_topic_has_both_labels_and_practices_use_the_vocabulary():
    from practices.models import Topic

    vocabulary = Topic.objects.filter(tagged_practices__isnull=False).distinct()
    assert vocabulary.exists() and not vocabulary.filter(name_fr="").exists()
    cctv = Topic.objects.get(slug="video-surveillance")
    assert (cctv.name, cctv.name_fr) == ("video surveillance (CCTV)", "vidéoprotection")
