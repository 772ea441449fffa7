"""Anonymous visitors' pages come from the cache; nothing cached crosses a clearance, and
every change a visitor would see drops the cached pages that show it."""

import os
import shutil
import socket
import subprocess
import sys
import time

import pytest
import redis
from django.conf import settings as django_settings
from django.test import Client

from practices.models import City, PracticePage
from search.documents import build_document, practices_for_indexing
from search.engines import get_engine
from tests.helpers import original, publish, publish_translation

pytestmark = pytest.mark.django_db

PAGES = ("/", "/practices/", "/themes/protection/", "/cities/london/", "/search/?q=security", "/fr/practices/",
         "/practices/cssc-london/", "/fr/search/?q=s%C3%A9curit%C3%A9&themes=prevention")


def cached_html(client, url):
    """The page as an anonymous visitor gets it once it is in the cache."""
    client.get(url)
    response = client.get(url)
    assert response.status_code == 200 and response["X-Page-Cache"] == "hit", url
    return response.content.decode()


@pytest.fixture
def london_practice():
    return original(PracticePage, "cssc-london")


@pytest.mark.parametrize("url", PAGES)
def test_an_anonymous_visitor_gets_the_same_page_again_from_the_cache(client, url):
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_each_language_and_query_is_a_page_of_its_own(client):
    english = cached_html(client, "/practices/")
    french = cached_html(client, "/fr/practices/")
    assert '<html lang="en"' in english and '<html lang="fr"' in french
    page_two = client.get("/practices/?page=2")
    assert page_two["X-Page-Cache"] == "miss" and page_two.content.decode() != english


def test_a_members_page_is_never_stored_nor_served_from_the_cache(client, member, london_practice):
    london_practice.access_level = "network"
    publish(london_practice)
    anonymous = Client()
    assert london_practice.title not in cached_html(anonymous, "/cities/london/")

    client.force_login(member)
    for _ in range(2):
        response = client.get("/cities/london/")
        assert "X-Page-Cache" not in response
        assert london_practice.title in response.content.decode()
    # What the member saw was not kept for anyone else.
    assert london_practice.title not in cached_html(anonymous, "/cities/london/")


def test_pages_with_a_form_and_visitors_with_a_message_waiting_bypass_the_cache(client):
    for _ in range(2):
        response = client.get("/accounts/login/")
        assert response.status_code == 200 and "X-Page-Cache" not in response
        assert "csrfmiddlewaretoken" in response.content.decode()
    cached_html(client, "/")
    client.cookies["messages"] = "a message from the previous page"
    assert "X-Page-Cache" not in client.get("/")


def test_publishing_a_change_shows_at_once_on_every_page(client, london_practice):
    urls = ("/cities/london/", london_practice.url)
    for url in urls:
        cached_html(client, url)
    london_practice.title = "Cross-sector safety and security communications, renamed"
    publish(london_practice)
    for url in urls:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "communications, renamed" in response.content.decode(), url


def test_unpublishing_removes_the_entry_from_cached_pages(client, london_practice):
    address = london_practice.url
    assert london_practice.title in cached_html(client, "/cities/london/")
    cached_html(client, address)
    london_practice.unpublish()
    assert client.get(address).status_code == 404
    assert london_practice.title not in client.get("/cities/london/").content.decode()


def test_a_tier_change_hides_the_entry_from_anonymous_pages_cached_before(client, london_practice):
    address = london_practice.url
    assert london_practice.title in cached_html(client, "/cities/london/")
    assert london_practice.title in cached_html(client, address)
    london_practice.access_level = "network"
    publish(london_practice)
    response = client.get(address)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert london_practice.title not in client.get("/cities/london/").content.decode()


def test_renaming_a_city_shows_on_its_practices_and_its_profile(client, london_practice):
    assert "Londinium" not in cached_html(client, london_practice.url)
    cached_html(client, "/cities/london/")
    city = City.objects.get(slug="london")
    city.name = "Londinium"
    city.save()
    assert "Londinium" in client.get(london_practice.url).content.decode()
    assert "Londinium" in client.get("/cities/london/").content.decode()


def test_a_new_translation_replaces_the_original_on_cached_french_pages(client):
    practice = original(PracticePage, "cssc-london")
    practice.get_translations().delete()
    cached_html(client, "/fr/practices/")
    publish_translation(practice, "fr", title="Communications de sûreté intersectorielles, traduites")
    assert "traduites" in client.get("/fr/practices/").content.decode()


def test_moving_a_page_shows_at_its_new_address(client):
    from kb.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="en")
    about = home.add_child(instance=StandardPage(title="About the partnership", slug="about-the-partnership"))
    guides = home.add_child(instance=StandardPage(title="Guides", slug="guides"))
    publish(about)
    publish(guides)
    cached_html(client, "/about-the-partnership/")
    about.move(guides, pos="last-child")
    assert client.get("/about-the-partnership/").status_code != 200
    assert client.get("/guides/about-the-partnership/").status_code == 200


def test_a_change_of_the_search_index_shows_on_cached_search_pages(client, settings, tmp_path, london_practice,
                                                                 run_worker, django_capture_on_commit_callbacks):
    settings.SEARCH_EMBEDDED_DIR = tmp_path / "search-index"
    get_engine.cache_clear()
    try:
        get_engine().rebuild(build_document(p) for p in practices_for_indexing())
        assert london_practice.title not in cached_html(client, "/search/?q=quixotrope")
        with django_capture_on_commit_callbacks(execute=True):
            london_practice.topics.add("quixotrope")
            publish(london_practice)
        run_worker()
        assert london_practice.title in client.get("/search/?q=quixotrope").content.decode()
    finally:
        get_engine.cache_clear()


@pytest.fixture
def redis_url(tmp_path):
    """A Redis server of the test's own (Debian's redis-server, which `make test` installs)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (make test installs Debian's)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                               "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait()


@pytest.fixture(params=["files", "redis"])
def shared_cache(request, settings, tmp_path):
    """The page cache that processes share (settings.base): files under PAGE_CACHE_DIR on
    one machine, or Redis when REDIS_URL is set; the environment of another process of
    the same site."""
    other_process = {**os.environ, "DJANGO_SETTINGS_MODULE": "kb.settings.dev",
                     "DATABASE_URL": f"sqlite:///{tmp_path / 'other.sqlite3'}", "REDIS_URL": ""}
    if request.param == "files":
        pages = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path / "pages")}
        other_process["PAGE_CACHE_DIR"] = str(tmp_path / "pages")
    else:
        url = request.getfixturevalue("redis_url")
        pages = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": "pages"}
        other_process["REDIS_URL"] = url
    settings.CACHES = {**settings.CACHES, "pages": pages}
    return other_process


def test_a_change_in_another_process_drops_the_pages_this_one_cached(client, shared_cache):
    """The app server's workers and the task worker are processes of their own: a change
    one of them makes drops what the others cached."""
    cached_html(client, "/practices/")
    subprocess.run([sys.executable, "-c", "import django; django.setup(); "
                    "from page_cache.generation import invalidate; invalidate()"],
                   cwd=django_settings.BASE_DIR, env=shared_cache, check=True)
    assert client.get("/practices/")["X-Page-Cache"] == "miss"
    assert client.get("/practices/")["X-Page-Cache"] == "hit"
