"""Property: whatever a member posts, the site never fails and never stores markup
outside the allow-list. Posts go through the real view with Django's test client."""

import json
from html.parser import HTMLParser

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practices.blocks import SECTION_CHOICES
from submissions.models import CaseStudy
from submissions.sanitise import ALLOWED_PROTOCOLS, ALLOWED_TAGS

from .conftest import valid_answers

RICH_FIELDS = [kind for kind, _label in SECTION_CHOICES]
TEXT_FIELDS = ["title", "summary", "topics", "legal_privacy_notes", "partner_1_organisation", "partner_1_role",
               "contact_1_name", "source_1_title"]
# Fields that expect a number, a record, an address or a choice: a hostile value there
# always sends the form back, which is slower, so only some examples try them.
TYPED_FIELDS = ["city", "further_cities", "start_year", "funding_public_share", "contact_1_email", "source_1_url",
                "status", "language", "themes", "partner_1_sector", "image_1_alt"]
HOSTILE = [
    "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', '<a href="javascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>', '<p style="x" onclick="y">p</p>',
    "<svg/onload=alert(1)>", "<!-- c --><![CDATA[x]]>", "<scr<script>ipt>", '"><iframe src=//e>',
    "\x00", "\u202e\u202dRTL override\u202c", "\u200f\u061c", "🚨👮‍♀️🏟️", "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1", '" OR ""="', "NEAR(bomb vehicle, 3)", 'title:"x" AND (y OR z*) NOT -w ^2', "\\", "%00%2e%2e/",
    "<a href='https://ok.example' onmouseover=x>ok</a>", "<h3>Heading</h3><ul><li>item</li></ul>",
]


def hostile_text(repeats):
    return st.one_of(
        st.text(max_size=200),
        st.sampled_from(HOSTILE),
        st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20)), max_size=4).map("".join),
        # Long text, built by repetition (generating it character by character is slow).
        st.tuples(st.sampled_from(HOSTILE + ["a", "é "]), st.sampled_from(repeats)).map(lambda pair: pair[0] * pair[1]),
    )


# Rich text gets very long values (a few beyond the 20,000 characters allowed); short
# fields mostly stay within their limits. Most drafts are then stored and checked, and a
# form sent back (slow to render, about eighty fields) stays the exception: the test must
# run 2,000 examples in about two minutes. Refusals are tested one by one elsewhere.
rich_text = hostile_text([1, 10, 100, 300, 450])
short_text = hostile_text([1, 2, 4])
typed_values = st.fixed_dictionaries({}, optional={name: short_text for name in TYPED_FIELDS})


class AllowListChecker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(tag)
        for name, value in attrs:
            if tag != "a" or name not in ("href", "rel"):
                self.problems.append(f"{tag}[{name}]")
            elif name == "href" and value.split(":", 1)[0].lower() not in ALLOWED_PROTOCOLS:
                self.problems.append(f"href={value}")

    def handle_comment(self, data):
        self.problems.append("comment")


def outside_allow_list(html):
    checker = AllowListChecker()
    checker.feed(html)
    checker.close()
    return checker.problems


@settings(max_examples=2000, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    rich=st.fixed_dictionaries({}, optional={name: rich_text for name in RICH_FIELDS}),
    text=st.fixed_dictionaries({}, optional={name: short_text for name in TEXT_FIELDS}),
    typed=st.sampled_from([False] * 19 + [True]).flatmap(lambda wanted: typed_values if wanted else st.just({})),
    complete=st.booleans(),
    action=st.sampled_from(["save_draft"] * 19 + ["submit"]),
)
def test_hostile_submissions_never_fail_and_never_store_markup(member_client, member, rich, text, typed, complete,
                                                               action):
    data = {**(valid_answers() if complete else {}), **rich, **text, **typed, action: "1"}
    # Each example is undone afterwards, so each is counted against the rate limit on its own.
    with transaction.atomic():
        response = member_client.post("/submit/", data)
        assert response.status_code in (200, 302), response.status_code
        for case_study in CaseStudy.objects.filter(owner=member).select_related("page"):
            assert "\x00" not in json.dumps(case_study.answers, ensure_ascii=False)
            for name in RICH_FIELDS:
                assert not outside_allow_list(case_study.answers.get(name) or ""), name
            if case_study.page is not None:
                body = case_study.page.specific.get_latest_revision_as_object().body
                for section in body:
                    for block in section.value["content"]:
                        if block.block_type == "paragraph":
                            assert not outside_allow_list(block.value.source)
        transaction.set_rollback(True)
