"""Rich-text answers are reduced to the allow-list, in the function and in what is stored."""

import pytest

from submissions.models import CaseStudy
from submissions.sanitise import clean_html

HOSTILE = [
    '<p>Hello<script>alert("x")</script></p>',
    '<p onclick="steal()" onmouseover="steal()">Hover</p><img src=x onerror="steal()">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt&colon;alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<svg><script>alert(1)</script></svg><iframe src="https://evil.example"></iframe><style>*{}</style>',
]


@pytest.mark.parametrize("value", HOSTILE)
def test_clean_html_strips_scripts_event_handlers_and_unsafe_links(value):
    cleaned = clean_html(value).lower()
    for forbidden in ("<script", "onclick", "onerror", "onmouseover", "javascript:", "data:", "<img", "<svg",
                      "<iframe", "<style"):
        assert forbidden not in cleaned


def test_clean_html_keeps_the_allowed_markup_and_marks_links():
    value = (
        '<h3>Title</h3><p>Some <strong>bold</strong>, <em>stressed</em>, <b>b</b> and <i>i</i> text<br></p>'
        '<ul><li>one</li></ul><ol><li>two</li></ol><h4>Sub</h4><blockquote>quote</blockquote>'
        '<a href="https://example.org/x" target="_blank" class="c">web</a> <a href="mailto:a@example.org">mail</a>'
    )
    cleaned = clean_html(value)
    for kept in ("<h3>Title</h3>", "<strong>bold</strong>", "<em>stressed</em>", "<b>b</b>", "<i>i</i>", "<br>",
                 "<ul><li>one</li></ul>", "<ol><li>two</li></ol>", "<h4>Sub</h4>", "<blockquote>quote</blockquote>",
                 '<a href="https://example.org/x" rel="nofollow noopener">web</a>',
                 '<a href="mailto:a@example.org" rel="nofollow noopener">mail</a>'):
        assert kept in cleaned
    assert "target" not in cleaned and "class" not in cleaned


def test_the_stored_answer_contains_none_of_the_hostile_markup(member_client, member):
    member_client.post("/submit/", {"title": "Hostile", "context": "".join(HOSTILE), "save_draft": "1"})
    stored = CaseStudy.objects.get(owner=member).answers["context"].lower()
    for forbidden in ("<script", "onclick", "onerror", "javascript:", "data:", "<iframe"):
        assert forbidden not in stored
    assert "hello" in stored  # the text itself is kept


def test_plain_text_answers_are_escaped_on_the_page(member_client, member):
    member_client.post("/submit/", {"title": '<script>alert("t")</script>', "save_draft": "1"})
    html = member_client.get("/my/case-studies/").content.decode()
    assert '<script>alert("t")</script>' not in html
    assert "&lt;script&gt;" in html
