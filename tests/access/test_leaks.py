"""Issue 5's leak suite: canary words appear exactly where the viewer's clearance allows.

For each viewer (anonymous, a member without clearance, a member of the organisation the
restricted entries name, an editor) every channel is requested; every canary word found
must be one the viewer may read (no leak), and the channels that should show an entry do
(so that the test cannot pass on an empty page).
"""

import json

import pytest
from django.core.cache import caches
from django.test import Client

from tests.helpers import PASSWORD  # noqa: F401 (documented login password)
from tests.helpers import related_practices

from .conftest import FIELDS, TIERS, TRANSLATION_WORD, VIEWERS, allowed_canaries, canaries_in, readable

SEARCHED_FIELDS = ("ttl", "sum", "bod", "prt", "tag")  # what the search index holds


class Leaks:
    """Collects every problem so that one run names all leaking channels at once."""

    def __init__(self, viewer):
        self.viewer = viewer
        self.allowed = allowed_canaries(viewer)
        self.problems = []

    def check(self, channel, text, must_show=(), must_hide=()):
        found = canaries_in(text)
        leaked = found - self.allowed
        if leaked:
            self.problems.append(f"{channel}: leaks {sorted(leaked)}")
        missing = set(must_show) - found
        if missing:
            self.problems.append(f"{channel}: should show {sorted(missing)}")
        shown = set(must_hide) & found
        if shown:
            self.problems.append(f"{channel}: should not show {sorted(shown)}")

    def expect(self, channel, condition, message):
        if not condition:
            self.problems.append(f"{channel}: {message}")


class WarmedCacheClient:
    """The viewer's client, with pages cached as on a server: every address is first
    requested by an anonymous visitor and by an editor, so that a page cached for another
    clearance would be the one the viewer gets."""

    def __init__(self, client, others):
        self.client = client
        self.others = others
        self.cache_hits = 0

    def get(self, path, data=None, **extra):
        for other in self.others:
            other.get(path, data, **extra)
        response = self.client.get(path, data, **extra)
        self.cache_hits += response.get("X-Page-Cache") == "hit"
        return response

    def __getattr__(self, name):
        return getattr(self.client, name)


def viewer_client(client, world, viewer):
    user = world.users[viewer]
    if user is not None:
        client.force_login(user)
    editor = Client()
    editor.force_login(world.users["editor"])
    return WarmedCacheClient(client, [Client(), editor])


def listed(viewer):
    """Entries a viewer finds in lists and search: those they may read in full."""
    return [tier for tier in TIERS if readable(viewer, tier)]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("viewer", VIEWERS)
def test_canaries_appear_exactly_where_the_viewer_is_cleared(client, canary_world, viewer, language):
    """In English, on the original entries; in French, on their translations and the
    French addresses of every list and of search."""
    world = canary_world
    client = viewer_client(client, world, viewer)
    leaks = Leaks(viewer)
    is_member = viewer != "anonymous"
    prefix = "/fr" if language == "fr" else ""
    pages = world.translations if language == "fr" else world.pages
    version_word = TRANSLATION_WORD if language == "fr" else "canary practice"

    # The entry pages themselves.
    for tier, page in pages.items():
        response = client.get(page.url)
        # The page's own address (links to it in other languages, a login link's `next`)
        # holds the slug: the visitor typed it, so it discloses nothing.
        html = response.content.decode().replace(page.slug, "")
        if readable(viewer, tier):
            show = {f"zq{tier}{code}" for code in FIELDS if code != "con" or is_member}  # the title is in <h1>
            leaks.expect(f"page {tier}", response.status_code == 200, f"status {response.status_code}")
            leaks.check(f"page {tier}", html, must_show=show)
            leaks.expect(f"page {tier}", version_word in html, f"not the {language} version")
            leaks.expect(f"page {tier}", {"public": "TLP:CLEAR", "network": "TLP:GREEN", "restricted": "TLP:AMBER"}[TIERS[tier]] in html, "no TLP label")
        elif tier == "tea":
            # Public summary: title and summary with the notice, nothing else.
            leaks.expect("page tea", response.status_code == 200, f"status {response.status_code}")
            leaks.check("page tea", html, must_show={"zqteattl", "zqteasum"},
                        must_hide={f"zqtea{code}" for code in FIELDS if code not in ("ttl", "sum")})
            leaks.expect("page tea", "TLP:AMBER" in html, "no TLP label")
            if not is_member:
                leaks.expect("page tea", "/accounts/login/?next=" in html, "no log-in link")
        elif not is_member:
            leaks.expect(f"page {tier}", response.status_code == 302 and "/accounts/login/" in response["Location"],
                         f"status {response.status_code}, expected a login redirect")
        else:
            leaks.expect(f"page {tier}", response.status_code == 403, f"status {response.status_code}")
            leaks.check(f"page {tier}", html)

    titles = {f"zq{tier}ttl" for tier in listed(viewer)}
    hidden_titles = {f"zq{tier}ttl" for tier in TIERS if tier not in listed(viewer)}

    # Lists: the practice index, a theme, the city and the home page.
    for channel, url in (("index", "/practices/"), ("theme", "/themes/protection/"),
                         ("city", f"/cities/{world.city.slug}/"), ("home", "/")):
        html = client.get(prefix + url).content.decode()
        leaks.check(channel, html, must_show=titles, must_hide=hidden_titles)
        # Each entry once, in the interface's language.
        for tier in listed(viewer):
            own, other = (page.title for page in (pages[tier], pages[tier].original if pages is world.translations
                                                  else world.translations[tier]))
            leaks.expect(channel, own in html and other not in html, f"zq{tier}ttl not shown once, in {language}")
    # The network, event and reference pages list their linked practices; their indexes list none.
    for page in world.listed_pages:
        response = client.get(page.url)
        leaks.expect(page.slug, response.status_code == 200, f"status {response.status_code}")
        leaks.check(page.slug, response.content.decode(), must_show=titles, must_hide=hidden_titles)
        leaks.check(f"{page.slug} index", client.get(page.get_parent().url).content.decode(), must_hide=hidden_titles)

    # Search: each word, the facet counts of the canary city, did-you-mean, suggestions.
    for tier in TIERS:
        for code in SEARCHED_FIELDS:
            word = f"zq{tier}{code}"
            # The page repeats what the viewer typed: only the rest of it counts.
            html = client.get(f"{prefix}/search/", {"q": word}).content.decode().replace(word, "")
            # A hit shows the title, and the summary unless the snippet comes from the body.
            card = {f"zq{tier}ttl", f"zq{tier}sum"} - {word}
            expected = {f"zq{tier}sum" if code == "ttl" else f"zq{tier}ttl"} if tier in listed(viewer) else set()
            leaks.check(f"search {word}", html, must_show=expected, must_hide=set() if expected else card)
        misspelt = f"zq{tier}ttk"  # did-you-mean draws on titles, summaries, topics and places
        expected = {f"zq{tier}ttl"} if tier in listed(viewer) else set()
        leaks.check(f"did-you-mean {misspelt}", client.get(f"{prefix}/search/", {"q": misspelt}).content.decode(),
                    must_show=expected, must_hide={f"zq{tier}ttl"} - expected)
        payload = client.get(f"{prefix}/search/suggest/", {"q": f"zq{tier}"}).content.decode()
        expected = {f"zq{tier}ttl", f"zq{tier}tag"} if tier in listed(viewer) else set()
        leaks.check(f"suggestions zq{tier}", json.dumps(json.loads(payload)), must_show=expected,
                    must_hide={f"zq{tier}ttl", f"zq{tier}tag"} - expected)
    response = client.get(f"{prefix}/search/", {"cities": world.city.slug})
    leaks.check("facet search", response.content.decode(), must_show=titles, must_hide=hidden_titles)
    # The counts, from the page rendered for this viewer (one from the cache has no context).
    caches["pages"].clear()
    results = client.client.get(f"{prefix}/search/", {"cities": world.city.slug}).context["results"]
    leaks.expect("facet counts", results.total == len(listed(viewer)), f"total {results.total}")
    city_counts = {v.value: v.count for facet in results.facets if facet.name == "cities" for v in facet.values}
    leaks.expect("facet counts", city_counts.get(world.city.slug) == len(listed(viewer)), f"city facet {city_counts}")

    # Related practices, on the public entry: only entries the viewer may read.
    related = related_practices(client.get(pages["pub"].url))
    related_tiers = {tier for tier, page in pages.items() if page.pk in {p.pk for p in related}}
    leaks.expect("related", related_tiers <= set(listed(viewer)), f"related shows {sorted(related_tiers)}")
    leaks.expect("related", related_tiers == set(listed(viewer)) - {"pub"}, f"related misses some of {listed(viewer)}")

    # Sitemap: public entries only, for everyone.
    leaks.check("sitemap", client.get("/sitemap.xml").content.decode(), must_show={"zqpubttl"},
                must_hide={f"zq{tier}ttl" for tier in TIERS if tier != "pub"})

    # Attachments, by the URLs a page links to (Wagtail's document view and the media path).
    for tier, document in world.documents.items():
        for channel, url in (("document view", document.url), ("media file", document.file.url)):
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode("latin-1")
            if readable(viewer, tier):
                leaks.expect(f"{channel} {tier}", response.status_code == 200, f"status {response.status_code}")
                leaks.check(f"{channel} {tier}", text, must_show={f"zq{tier}att"})
            else:
                leaks.expect(f"{channel} {tier}", response.status_code in (302, 403), f"status {response.status_code}")
                leaks.check(f"{channel} {tier}", text, must_hide={f"zq{tier}att"})

    # Wagtail's previews and drafts shared by link, and the admin.
    for tier, page in pages.items():
        for channel, url in (("preview", f"/admin/pages/{page.pk}/edit/preview/"),
                             ("view draft", f"/admin/pages/{page.pk}/view_draft/"),
                             ("admin edit", f"/admin/pages/{page.pk}/edit/")):
            response = client.get(url)
            if viewer == "editor":
                leaks.check(f"{channel} {tier}", response.content.decode())
            else:
                leaks.expect(f"{channel} {tier}", response.status_code in (302, 403), f"status {response.status_code}")
                leaks.check(f"{channel} {tier}", response.content.decode(), must_hide={f"zq{tier}ttl", f"zq{tier}bod"})
    response = client.get("/admin/pages/search/", {"q": "canary"})
    if viewer == "editor":
        leaks.check("admin search", response.content.decode())
    else:
        leaks.expect("admin search", response.status_code in (302, 403), f"status {response.status_code}")

    # The cache was there: an anonymous visitor got pages first rendered for another one.
    leaks.expect("page cache", (client.cache_hits > 0) == (viewer == "anonymous"), f"{client.cache_hits} pages from the cache")
    assert not leaks.problems, "\n".join([f"viewer {viewer}:"] + leaks.problems)
