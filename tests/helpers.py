"""What tests in several folders share, in one place:

- people: `create_member()` makes an approved network member by default, `create_staff()`
  an editor or moderator, `logged_in(user)` a browser of their own;

      member = create_member()                      # approved, in Network members, city member
      pending = create_member("p@example.org", status=MemberProfile.Status.PENDING)
      client.force_login(member)  # or post to /accounts/login/: django-axes refuses client.login() (no request)

- engines: every engine-dependent test runs on the embedded engine always, on OpenSearch
  when OPENSEARCH_URL names a cluster (`make test` starts one with scripts/with-opensearch),
  on Elasticsearch when ELASTICSEARCH_URL does; a missing cluster skips with its reason;
- indexing: what a public visitor finds, and an editor's publish;
- a mail server that refuses everything, and the related practices a page shows.
"""

import os
import smtplib
import uuid
from contextlib import contextmanager
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from accounts.models import MemberProfile
from accounts.roles import EDITORS, NETWORK_MEMBERS
from practices.models import City
from search.engines import get_engine
from search.query import PracticeQuery

PASSWORD = "a-long-test-password"


def create_member(email="member@example.org", *, status=MemberProfile.Status.APPROVED, city=None, organisation=None,
                  first_name="Ana", last_name="Member", role="Security officer", language="en"):
    """A member of `organisation` if given, else of `city` (default: the first city)."""
    user = get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD, first_name=first_name, last_name=last_name
    )
    if organisation is None and city is None:
        city = City.objects.order_by("pk").first()
    MemberProfile.objects.create(user=user, city=city, organisation=organisation, role=role, status=status, language=language)
    if status == MemberProfile.Status.APPROVED:
        user.groups.add(Group.objects.get(name=NETWORK_MEMBERS))
    return user


def create_staff(username, group=EDITORS, email=None):
    """A user of one of Wagtail's groups (Editors or Moderators): the admin, no superuser powers."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org" if email is None else email, password=PASSWORD,
        first_name=username.capitalize(),
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def logged_in(user):
    """A browser of the user's own (pytest-django's `client` is one browser shared by the
    member_client and editor_client fixtures)."""
    client = Client()
    client.force_login(user)
    return client


ENGINES = ["embedded", "opensearch", "elasticsearch"]
CLUSTER_URL_SETTINGS = {"opensearch": "OPENSEARCH_URL", "elasticsearch": "ELASTICSEARCH_URL"}
SKIP_REASONS = {
    "opensearch": "OPENSEARCH_URL is not set: run the suite under scripts/with-opensearch (needs Java and Maven)",
    "elasticsearch": "ELASTICSEARCH_URL is not set: no Elasticsearch server can be started from what these "
                     "machines reach (README, Search engines)",
}


def cluster_url(name):
    url = os.environ.get(CLUSTER_URL_SETTINGS[name], "")
    if not url:
        pytest.skip(SKIP_REASONS[name])
    return url


def make_engine(name, directory):
    """A fresh, empty engine of this kind: its own directory, or its own index prefix."""
    if name == "embedded":
        from search.engines.embedded import EmbeddedEngine

        return EmbeddedEngine(directory)
    from search.engines import elastic

    factory = {"opensearch": elastic.opensearch_engine, "elasticsearch": elastic.elasticsearch_engine}[name]
    return factory(cluster_url(name), index_prefix=f"test-{name}-{uuid.uuid4().hex[:8]}")


def use_engine(name, settings, directory):
    """Point the site (search.engines.get_engine) at a fresh engine of this kind; returns
    a function that removes what it indexed."""
    from search.engines import get_engine

    settings.ELASTICSEARCH_URL = settings.OPENSEARCH_URL = ""
    settings.SEARCH_EMBEDDED_DIR = directory
    if name != "embedded":
        setattr(settings, CLUSTER_URL_SETTINGS[name], cluster_url(name))
        settings.SEARCH_INDEX_PREFIX = f"test-{name}-{uuid.uuid4().hex[:8]}"
    get_engine.cache_clear()

    def remove():
        if name != "embedded":
            get_engine().drop()
        get_engine.cache_clear()

    return remove


@contextmanager
def engine_down(name, settings, directory):
    """While inside, the site's engine of this kind does not answer: the embedded engine's
    directory is a file, a cluster's address a closed local port."""
    from search.engines import get_engine

    if name == "embedded":
        broken = directory / "not-a-directory"
        broken.write_text("the search engine is down")
        setting, working, settings.SEARCH_EMBEDDED_DIR = "SEARCH_EMBEDDED_DIR", settings.SEARCH_EMBEDDED_DIR, broken
    else:
        setting = CLUSTER_URL_SETTINGS[name]
        working = getattr(settings, setting)
        setattr(settings, setting, "http://127.0.0.1:9")
    get_engine.cache_clear()
    try:
        yield
    finally:
        setattr(settings, setting, working)
        get_engine.cache_clear()


def found(text):
    """The ids of the practices a public visitor finds for this text, on the site's engine."""
    return {hit.practice_id for hit in get_engine().search(PracticeQuery(text=text, access_levels=("public",))).hits}


def publish(page):
    page.save_revision().publish()


class MailServerDown(BaseEmailBackend):
    """An e-mail backend standing for a mail server that refuses every message, as a real
    one can (settings.EMAIL_BACKEND = "tests.helpers.MailServerDown")."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class _SectionLinks(HTMLParser):
    """The link targets of the card titles inside one <section aria-labelledby=...>."""

    def __init__(self, labelled_by):
        super().__init__()
        self.labelled_by = labelled_by
        self.depth = 0
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and (self.depth or attrs.get("aria-labelledby") == self.labelled_by):
            self.depth += 1
        elif self.depth and tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "section" and self.depth:
            self.depth -= 1


def related_practices(response):
    """The practices a practice page shows under "Related practices", in their order."""
    from practices.models import PracticePage

    parser = _SectionLinks("related-title")
    parser.feed(response.content.decode())
    by_url = {page.url: page for page in PracticePage.objects.live().specific()}
    return [by_url[href] for href in parser.hrefs if href in by_url]


def admin_edit_form_data(practice, themes, section_kinds=("context", "implementation")):
    """What the admin's edit form posts to publish this practice with these themes and a
    short section of each of these kinds."""
    sections = [
        ("section", {"kind": kind, "content": streamfield([("paragraph", rich_text("<p>What happened.</p>"))])})
        for kind in section_kinds
    ]
    partners = [{"organisation": p.organisation_id, "role": p.role} for p in practice.partners.all()]
    sources = [{"title": s.title, "url": s.url} for s in practice.sources.all()]
    data = nested_form_data({
        "title": practice.title,
        "slug": practice.slug,
        "summary": practice.summary,
        "city": practice.city_id,
        "topics": "",
        "partners": inline_formset(partners),
        "sources": inline_formset(sources),
        "body": streamfield(sections),
        "contacts": streamfield([]),
        "evidence_level": practice.evidence_level,
        "status": practice.status,
        "cost_band": "",
        "access_level": practice.access_level,
        "language": practice.language,
    })
    # Multiple-choice fields post one value per key, which nested_form_data cannot express.
    data.update(themes=themes, target_types=practice.target_types, partnership_models=practice.partnership_models)
    data["action-publish"] = "publish"
    return data


def original(model, slug):
    """The original version of an entry (or network, event, reference page) by its slug:
    its translation has the same slug under the other language's index."""
    return model.objects.filter(slug=slug).order_by("pk").first() or model.objects.get(slug=slug)


def one_version_each(pages, language):
    """The pks a listing in `language` shows of these pages: each entry once, its version in
    that language where there is one (worked out here in Python, apart from the site's query)."""
    chosen = {}
    for page in pages.select_related("locale").order_by("pk"):
        if page.translation_key not in chosen or page.locale.language_code == language:
            chosen[page.translation_key] = page
    return {page.pk for page in chosen.values()}


def shown_version(page, language):
    """The version of a page's entry that a visitor reading `language` is shown: the one in
    that language, or the original while the entry is not translated."""
    versions = {v.locale.language_code: v for v in page.get_translations(inclusive=True).live().select_related("locale")}
    return (versions.get(language) or page).specific


def publish_translation(page, language, **fields):
    """A published translation of a page (Wagtail's copy for translation), with `fields`."""
    from wagtail.models import Locale

    version = page.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(version, name, value)
    version.save_revision().publish()
    return version
