"""Browsing without search: home, index, theme, city and practice pages."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.utils import translation

from practices.models import City, PracticePage
from practices.models.vocabulary import ThemeChoice
from tests.helpers import one_version_each, original, related_practices

pytestmark = pytest.mark.django_db


class Outline(HTMLParser):
    """Collects what accessibility checks need: headings, landmarks, labels, images."""

    def __init__(self):
        super().__init__()
        self.headings, self.landmarks, self.images, self.controls, self.labels = [], [], [], [], set()
        self.html_lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in {"main", "header", "footer", "nav"}:
            self.landmarks.append(tag)
        if tag == "img":
            self.images.append(attrs)
        if tag in {"select", "textarea"} or (tag == "input" and attrs.get("type") not in {"hidden", "submit"}):
            self.controls.append(attrs.get("id"))
        if tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])


def outline(response):
    parser = Outline()
    parser.feed(response.content.decode())
    return parser


def assert_accessible_structure(response):
    page = outline(response)
    assert page.html_lang in {"en", "fr"}
    assert page.headings.count(1) == 1, "one h1 per page"
    assert page.headings[0] == 1
    for previous, current in zip(page.headings, page.headings[1:]):
        assert current <= previous + 1, f"heading levels skip from h{previous} to h{current}"
    assert {"main", "header", "footer", "nav"} <= set(page.landmarks)
    assert all(image.get("alt") is not None for image in page.images)
    assert all(control in page.labels for control in page.controls), "every form control has a label"


def test_home_page_shows_counts_entry_points_and_practices(client):
    response = client.get("/")
    assert response.status_code == 200
    context = response.context
    public = PracticePage.objects.live().filter(access_level="public")
    # Entries, not language versions.
    assert context["practice_count"] == public.values("translation_key").distinct().count()
    cities = City.objects.filter(practices__in=public).distinct()
    assert context["city_count"] == cities.count()
    assert context["country_count"] == cities.values("country").distinct().count()
    html = response.content.decode()
    for value in ThemeChoice.values:
        assert f'href="/themes/{value}/"' in html
    assert 'href="/practices/?region=europe"' in html
    assert len(context["latest_practices"]) == 6
    assert context["featured_practices"]
    assert_accessible_structure(response)


def test_home_theme_counts_match_the_theme_pages(client):
    entries = client.get("/").context["theme_entries"]
    for value, _label, count in entries:
        assert client.get(f"/themes/{value}/").context["practices"].paginator.count == count


def test_practice_index_paginates_all_public_practices(client, without_page_cache):
    first = client.get("/practices/")
    assert first.status_code == 200
    paginator = first.context["practices"].paginator
    assert paginator.count == len(one_version_each(PracticePage.objects.live().filter(access_level="public"), "en"))
    assert len(first.context["practices"]) == settings.PRACTICES_PER_PAGE
    last = client.get(f"/practices/?page={paginator.num_pages}")
    assert last.context["practices"].number == paginator.num_pages
    seen = set()
    for number in paginator.page_range:
        seen |= {p.pk for p in client.get(f"/practices/?page={number}").context["practices"]}
    assert len(seen) == paginator.count
    assert 'rel="next"' in first.content.decode()
    assert_accessible_structure(first)


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1%00", "<script>"])
def test_practice_index_tolerates_any_page_number(client, page):
    response = client.get("/practices/", {"page": page})
    assert response.status_code == 200
    assert len(response.context["practices"]) > 0


def test_practice_index_filters_by_region_and_theme(client):
    response = client.get("/practices/", {"region": "africa", "theme": "recovery"})
    practices = response.context["practices"].paginator.object_list
    assert practices
    for practice in practices:
        assert practice.city.region == "africa"
        assert "recovery" in [t.name for t in practice.themes.all()]
    # An unknown filter value is ignored rather than an error.
    assert client.get("/practices/", {"region": "atlantis"}).status_code == 200


@pytest.mark.parametrize("theme", ThemeChoice.values)
def test_each_theme_page_lists_its_practices_only(client, theme):
    response = client.get(f"/themes/{theme}/")
    assert response.status_code == 200
    listed = response.context["practices"].paginator.object_list
    expected = PracticePage.objects.live().filter(themes__name=theme, access_level="public")
    assert {p.pk for p in listed} == one_version_each(expected, "en")
    assert_accessible_structure(response)


def test_unknown_theme_and_city_are_404(client):
    assert client.get("/themes/terrorism/").status_code == 404
    assert client.get("/cities/atlantis/").status_code == 404


def test_city_profile_groups_its_practices_by_theme(client):
    city = City.objects.get(slug="paris")
    response = client.get("/cities/paris/")
    assert response.status_code == 200
    groups = response.context["theme_groups"]
    order = [value for value, _label, _practices in groups]
    assert order == [value for value in ThemeChoice.values if value in order]
    for value, _label, practices in groups:
        for practice in practices:
            assert practice.city_id == city.pk
            assert value in [t.name for t in practice.themes.all()]
    listed = {p.pk for _v, _l, practices in groups for p in practices}
    assert listed == one_version_each(city.practices.live(), "en")
    assert_accessible_structure(response)


def test_practice_page_shows_every_field(client):
    practice = original(PracticePage, "nypd-shield-new-york")
    response = client.get("/practices/nypd-shield-new-york/")
    assert response.status_code == 200
    html = response.content.decode()
    assert practice.title in html
    assert practice.summary[:80] in html.replace("&#x27;", "'")
    assert practice.city.name in html
    for theme in practice.themes.all():
        assert str(theme.label) in html
    for label in practice.target_type_labels() + practice.partnership_model_labels():
        assert str(label) in html
    for partner in practice.partners.all():
        assert partner.organisation.name in html.replace("&amp;", "&").replace("&#x27;", "'")
    assert "<h3>Public</h3>" in html and "<h3>Private</h3>" in html
    assert html.index("<h3>Public</h3>") < html.index("<h3>Private</h3>")
    for source in practice.sources.all():
        assert f'href="{source.url}"' in html
    assert practice.get_evidence_level_display() in html
    assert "Context and problem" in html and "Implementation" in html
    assert_accessible_structure(response)


def test_related_practices_share_a_theme_best_first(client):
    practice = original(PracticePage, "nypd-shield-new-york")
    related = related_practices(client.get(practice.url))
    themes = {t.name for t in practice.themes.all()}
    assert related and practice not in related
    scores = []
    for other in related:
        assert themes & {t.name for t in other.themes.all()}
        scores.append(len(set(practice.target_types) & set(other.target_types)))
    assert scores == sorted(scores, reverse=True)


@pytest.fixture
def network_practice():
    practice = original(PracticePage, "nypd-shield-new-york")
    practice.access_level = "network"
    practice.contacts = [{"type": "contact", "value": {"name": "Canary Contact", "email": "canary@example.org"}}]
    practice.save()
    return practice


def test_non_public_practice_is_hidden_from_anonymous_visitors(client, network_practice):
    response = client.get(network_practice.url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert network_practice.pk not in {p.pk for p in client.get("/practices/").context["practices"].paginator.object_list}
    assert network_practice.title not in client.get("/themes/prevention/").content.decode()
    assert network_practice.title not in client.get("/cities/new-york/").content.decode()
    assert network_practice.url not in client.get("/sitemap.xml").content.decode()


def test_editors_see_non_public_practices_and_contacts(editor_client, network_practice):
    response = editor_client.get(network_practice.url)
    assert response.status_code == 200
    assert "Canary Contact" in response.content.decode()


def test_contacts_are_hidden_from_anonymous_visitors(client):
    practice = original(PracticePage, "cssc-london")
    practice.contacts = [{"type": "contact", "value": {"name": "Canary Contact", "email": "canary@example.org"}}]
    practice.save()
    html = client.get(practice.url).content.decode()
    assert "Canary Contact" not in html and "canary@example.org" not in html
    assert "Contact details are shown to approved network members." in html


def test_french_interface_keeps_links_under_fr(client):
    response = client.get("/fr/")
    html = response.content.decode()
    assert 'lang="fr"' in html
    assert "Parcourir par thème" in html and "Bonnes pratiques de sécurité urbaine" in html
    assert 'href="/fr/themes/prevention/"' in html and 'href="/fr/practices/"' in html
    practice_links = re.findall(r'href="(/[^"]*practices/[^"?]+/)"', html)
    translated = {page.url_path.split("/", 2)[2] for page in PracticePage.objects.filter(locale__language_code="fr")}
    # An entry is linked in French wherever it has a French version.
    assert practice_links and all(
        link.startswith("/fr/") for link in practice_links if link.removeprefix("/fr/").lstrip("/") in translated
    )
    detail = client.get(next(link for link in practice_links if link.startswith("/fr/")))
    assert detail.status_code == 200 and "En bref" in detail.content.decode()


def test_language_switcher_links_to_the_same_page_in_each_language(client):
    html = client.get("/themes/response/").content.decode()
    assert 'href="/fr/themes/response/"' in html and 'hreflang="fr"' in html
    html = client.get("/fr/themes/response/").content.decode()
    assert 'href="/themes/response/"' in html and "Intervention" in html


def test_root_is_english_whatever_the_browser_prefers(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<html lang="en">' in html
    translation.activate("en")


def test_pages_load_nothing_from_other_hosts(client):
    for url in ["/", "/practices/", "/themes/recovery/", "/cities/paris/", "/practices/cssc-london/"]:
        html = client.get(url).content.decode()
        # The head's hreflang alternates are addresses of this site, not loaded.
        for tag in re.findall(r"<(?:link(?! rel=\"alternate\")|script|img|iframe)[^>]+>", html):
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag), f"{url}: {tag}"


def test_admin_login_page_is_served(client):
    assert client.get("/admin/login/").status_code == 200
