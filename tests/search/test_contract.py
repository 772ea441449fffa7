"""The search contract, run on every engine (search.engines.base.SearchEngine)."""

import pytest
from django.utils.html import strip_tags

from practices.models import PracticePage
from search.analysis import fold, words
from search.documents import build_document
from search.query import PracticeQuery

from tests.helpers import original

pytestmark = pytest.mark.django_db
PUBLIC = ("public",)
EVERYTHING = ("public", "network", "restricted")


def run(engine, text="", **options):
    options.setdefault("access_levels", PUBLIC)
    options.setdefault("page_size", 50)
    return engine.search(PracticeQuery(text=text, **options))


def ids(results):
    return {hit.practice_id for hit in results.hits}


def practices_containing(word, language=None):
    """Practices whose text contains a word (folded comparison), from the database."""
    found = set()
    for page in PracticePage.objects.live():
        # A document is an entry's: its original's id, its translation beside it.
        if (language and page.language != language) or page.is_translation:
            continue
        document = build_document(page)
        text = " ".join(words(" ".join([document["title"], document["summary"], document["body"], *document["topics"]])))
        if f" {' '.join(words(word))} " in f" {text} ":
            found.add(page.pk)
    return found


def test_case_and_accent_folding(engine):
    accented = run(engine, "Sécurité")
    assert accented.total > 0
    assert ids(run(engine, "securite")) == ids(accented) == ids(run(engine, "SECURITE"))
    assert practices_containing("sécurité", "fr") <= ids(run(engine, "securite", page_size=50)) | set()


def test_french_stemming_matches_singular_and_plural(engine):
    singular, plural = run(engine, "attentat"), run(engine, "attentats")
    assert singular.total > 0 and ids(singular) == ids(plural)
    assert practices_containing("attentats", "fr") <= ids(singular)


def test_english_stemming_matches_singular_and_plural(engine):
    singular, plural = run(engine, "barrier"), run(engine, "barriers")
    assert singular.total > 0 and ids(singular) == ids(plural)
    assert ids(run(engine, "trained")) == ids(run(engine, "training"))


def test_stop_words_do_not_change_the_results(engine):
    assert ids(run(engine, "security of the hotels")) == ids(run(engine, "security hotels"))
    assert run(engine, "the and of").total == 0


@pytest.mark.parametrize(
    "query, word, language",
    [("vidéoprotection", "cctv", "en"), ("cctv", "vidéoprotection", "fr"), ("hostile vehicle mitigation", "anti-bélier", "fr")],
)
def test_synonyms_cross_languages(engine, query, word, language):
    expected = practices_containing(word, language)
    assert expected, f"the demonstration content has a {language} entry with {word}"
    assert expected <= ids(run(engine, query))


def test_theme_facet_is_multi_select(engine):
    everything = run(engine, "security")
    one = run(engine, "security", themes=("recovery",))
    two = run(engine, "security", themes=("recovery", "response"))
    assert one.facets["themes"] == everything.facets["themes"], "a facet's counts ignore its own selection"
    assert one.total == everything.facets["themes"]["recovery"]
    assert one.total < two.total <= one.total + everything.facets["themes"]["response"]
    # Other facets honour the theme selection.
    assert sum(one.facets["region"].values()) == one.total
    assert one.facets["region"] != everything.facets["region"]


def test_filters_combine_across_facets(engine):
    results = run(engine, "", regions=("europe",), languages=("fr",), themes=("recovery", "protection"))
    assert results.total > 0
    pages = PracticePage.objects.filter(pk__in=ids(results))
    for page in pages:
        assert page.city.region == "europe" and page.language == "fr"
        assert {"recovery", "protection"} & {t.name for t in page.themes.all()}
    expected = (
        PracticePage.objects.live()
        .filter(city__region="europe", language="fr", themes__name__in=["recovery", "protection"], access_level="public")
        .values("translation_key")
        .distinct()
        .count()
    )
    assert results.total == expected


def test_year_range_keeps_practices_active_in_it(engine):
    results = run(engine, "", year_from=2015, year_to=2016)
    assert results.total > 0
    for page in PracticePage.objects.filter(pk__in=ids(results)):
        assert page.start_year is not None and page.start_year <= 2016
        assert page.end_year is None or page.end_year >= 2015


def test_sorts(engine):
    newest = run(engine, "", sort="newest").hits
    dates = list(PracticePage.objects.filter(pk__in=[h.practice_id for h in newest]).values_list("pk", "first_published_at"))
    by_pk = dict(dates)
    assert [by_pk[h.practice_id] for h in newest] == sorted((by_pk[h.practice_id] for h in newest), reverse=True)
    strongest = run(engine, "", sort="evidence").hits
    ranks = [PracticePage.objects.get(pk=h.practice_id).evidence_level for h in strongest]
    order = ["impact-evaluation", "independent-evaluation", "monitored-outputs", "self-reported", "not-evaluated"]
    assert [order.index(r) for r in ranks] == sorted(order.index(r) for r in ranks)


def test_pages_do_not_overlap(engine):
    first = engine.search(PracticeQuery(text="", page=1, page_size=10, access_levels=PUBLIC))
    second = engine.search(PracticeQuery(text="", page=2, page_size=10, access_levels=PUBLIC))
    assert len(first.hits) == 10 and len(second.hits) == 10
    assert not ids(first) & ids(second)


def test_hits_carry_what_a_card_shows(engine):
    hit = run(engine, "Westgate").hits[0]
    page = PracticePage.objects.get(pk=hit.practice_id)
    assert hit.title == page.title and hit.url == f"/practices/{page.slug}/"
    assert hit.city == page.city.name and hit.country == page.city.country.code
    assert set(hit.themes) == {t.name for t in page.themes.all()}
    assert hit.evidence_level == page.evidence_level
    assert "<mark>" in hit.snippet and "westgate" in strip_tags(hit.snippet).lower()


def test_did_you_mean_for_a_misspelling(engine):
    results = run(engine, "securty")
    assert results.total < 3 and results.suggestion == "security"


def test_suggestions_by_prefix(engine):
    suggestions = engine.suggest("lond", PUBLIC)
    assert 0 < len(suggestions) <= 10
    assert any(s.kind == "city" and s.text == "London" for s in suggestions)
    assert any(s.kind == "practice" and s.url for s in suggestions)
    assert len(engine.suggest("s", PUBLIC, limit=10)) <= 10


def test_related_practices_share_a_theme(engine):
    page = original(PracticePage, "nypd-shield-new-york")
    related = engine.related(page.pk, PUBLIC, limit=4)
    assert related and page.pk not in related and len(related) <= 4
    themes = {t.name for t in page.themes.all()}
    for other in PracticePage.objects.filter(pk__in=related):
        assert themes & {t.name for t in other.themes.all()}


CANARY = "zorglubian"


@pytest.fixture
def network_canary(engine):
    """A network-only practice whose every text field carries a unique word."""
    page = original(PracticePage, "cssc-london")
    document = build_document(page)
    document.update(
        id=10_000_001,
        title=f"{CANARY.title()} {document['title']}",
        summary=f"<b>Note</b> <script>alert(1)</script> {CANARY} {document['summary']}",
        body=f"{document['body']} {CANARY}",
        topics=[*document["topics"], CANARY],
        partner_names=[*document["partner_names"], f"{CANARY.title()} Ltd"],
        access_level="network",
        url="/practices/zorglubian/",
    )
    engine.index([document])
    yield document
    engine.delete([document["id"]])


def test_a_network_entry_is_invisible_to_anonymous_visitors(engine, network_canary):
    anonymous = run(engine, CANARY)
    assert anonymous.total == 0 and not anonymous.hits
    assert all(CANARY not in str(counts) for counts in anonymous.facets.values())
    assert run(engine, "").total == PracticePage.objects.live().filter(access_level="public").values("translation_key").distinct().count()
    assert sum(run(engine, "").facets["language"].values()) == run(engine, "").total
    assert not [s for s in engine.suggest(CANARY[:5], PUBLIC) if CANARY in fold(s.text)]
    assert run(engine, CANARY[:-1] + "x").suggestion in (None, "")  # no did-you-mean from hidden words
    assert network_canary["id"] not in engine.related(
        original(PracticePage, "project-griffin-london").pk, PUBLIC, limit=20
    )


def test_a_network_entry_is_found_with_clearance_and_its_snippet_is_escaped(engine, network_canary):
    cleared = run(engine, CANARY, access_levels=EVERYTHING)
    assert ids(cleared) == {network_canary["id"]}
    snippet = cleared.hits[0].snippet
    assert "<script" not in snippet and "&lt;script&gt;" in snippet
    assert f"<mark>{CANARY}</mark>" in snippet.lower()
    assert any(CANARY in fold(s.text) for s in engine.suggest(CANARY[:5], EVERYTHING))


HOSTILE = [
    '"', '""', "'", "*", "NEAR(a b)", "a OR b AND NOT c", "title:secret", "^x", "-", "(", ")", "{}", "a:b:c",
    "\x00\x01\x1f", "\u202eevil", "💥🧨", "SELECT * FROM docs; --", "x" * 10_000, "é" * 3000 + " ü",
    "' OR 1=1 --", "<script>alert(1)</script>", "%", "_", "\\", "NOT", "AND", "OR",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_query_text_never_breaks_the_engine(engine, text):
    results = run(engine, text)
    assert results.total >= 0
    engine.suggest(text, PUBLIC)


def test_updates_and_deletes_leave_nothing_behind(engine):
    """Re-indexing an entry replaces it everywhere; deleting it removes it everywhere, but
    what another entry shares (a topic) stays."""
    document = build_document(original(PracticePage, "cssc-london"))
    shared_topic = document["topics"][0]
    document.update(id=10_000_002, title="Quibbleworth renewal", topics=[*document["topics"], "Quibbleworth"],
                    url="/practices/quibbleworth/")
    engine.index([document])
    assert ids(run(engine, "quibbleworth")) == {10_000_002}

    document.update(title="Snarkbloom renewal", topics=[*document["topics"][:-1], "Snarkbloom"])
    engine.index([document])
    assert ids(run(engine, "quibbleworth")) == set()
    assert not [s for s in engine.suggest("quibblew", PUBLIC) if "quibbleworth" in fold(s.text)]
    assert ids(run(engine, "snarkbloom")) == {10_000_002}
    assert run(engine, "").total == PracticePage.objects.live().filter(access_level="public").values("translation_key").distinct().count() + 1

    engine.delete([10_000_002])
    assert ids(run(engine, "snarkbloom")) == set()
    assert not [s for s in engine.suggest("snarkbl", PUBLIC) if "snarkbloom" in fold(s.text)]
    assert any(s.kind == "topic" and s.text == shared_topic for s in engine.suggest(shared_topic, PUBLIC))
    assert run(engine, "").total == PracticePage.objects.live().filter(access_level="public").values("translation_key").distinct().count()


def test_a_word_no_entry_has_is_named_and_the_other_words_still_narrow(engine):
    results = run(engine, "Westgate quixotrope")
    assert results.unmatched == ("quixotrope",)
    assert results.total and ids(results) == ids(run(engine, "Westgate"))
    assert run(engine, "Westgate").unmatched == ()
    both_unknown = run(engine, "quixotrope zorblax")
    assert both_unknown.total == 0 and set(both_unknown.unmatched) == {"quixotrope", "zorblax"}


def test_a_word_only_hidden_entries_have_counts_as_matching_nothing(engine, network_canary):
    assert run(engine, f"Westgate {CANARY}").unmatched == (CANARY,)
    assert run(engine, f"Westgate {CANARY}", access_levels=EVERYTHING).unmatched == ()


@pytest.mark.parametrize("slug", ["nypd-shield-new-york", "cssc-london", "project-griffin-london"])
def test_every_label_an_entry_shows_finds_it_in_both_languages(engine, slug):
    """Themes, place types, partnership models, evidence level, status, country and city
    names as a reader sees them in English and in French, and what each partner did."""
    page = original(PracticePage, slug)
    document = build_document(page)
    labels = {language: document[f"labels_{language}"] for language in ("en", "fr")}
    assert labels["en"] and labels["fr"] and labels["en"] != labels["fr"]
    for language, texts in labels.items():
        for label in texts:
            assert page.pk in ids(run(engine, label, page_size=500)), f"the {language} label {label!r}"


def test_a_place_type_finds_its_entries_in_both_languages(engine):
    shield = original(PracticePage, "nypd-shield-new-york")
    for words in ("places of worship", "lieux de culte"):
        assert shield.pk in ids(run(engine, words, page_size=500)), words


def test_a_word_the_stemmers_would_merge_with_another_keeps_its_own_meaning(engine):
    """Concertation (consultation) is not a concert; a plural still finds its word."""
    trebes = original(PracticePage, "reouverture-super-u-trebes")
    assert trebes.pk in ids(run(engine, "concertation", page_size=500))
    assert trebes.pk not in ids(run(engine, "concert", page_size=500))
    assert ids(run(engine, "formations", page_size=500)) == ids(run(engine, "formation", page_size=500))
