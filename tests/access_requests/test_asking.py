"""The member's side: the panel on a restricted entry, and asking for access."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.core import mail
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import PageLogEntry

from access_requests import decisions
from access_requests.models import AccessRequest
from practices.models import PracticePage

from tests.helpers import original, publish_translation

from .conftest import build_practice


def request_url(page, prefix=""):
    return f"{prefix}/practices/{page.pk}/request-access/"


def render_panel(practice, user):
    request = RequestFactory().get(practice.url)
    request.user = user
    return Template("{% load access_requests_tags %}{% access_request_panel practice %}").render(
        Context({"request": request, "practice": practice})
    ).strip()


def test_a_member_asks_and_the_owner_s_editors_are_told_in_their_language(
    member_client, member, restricted_page, owner_editor, other_editor
):
    publish_translation(restricted_page, "fr", title="Portiques de quai à l’arrivée des ferries")
    response = member_client.post(request_url(restricted_page), {"reason": "I run the ferry terminal's security."})

    assert response.status_code == 302 and response["Location"] == restricted_page.url
    access_request = AccessRequest.objects.get(page=restricted_page, member=member)
    assert access_request.status == AccessRequest.Status.PENDING
    assert access_request.reason == "I run the ferry terminal's security."
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Your request is sent. The editors who decide will e-mail you their answer."
    ]
    [message] = [m for m in mail.outbox if owner_editor.email in m.to]
    assert "Quay gates at ferry arrivals" in message.subject
    # owner_editor reads French: the link to the entry is the French one.
    assert "/fr/practices/quay-gates/" in message.body
    assert "I run the ferry terminal's security." in message.body
    assert f"/admin/access-requests/{access_request.pk}/" in message.body
    assert not any(other_editor.email in m.to for m in mail.outbox)
    assert PageLogEntry.objects.filter(page=restricted_page, action="access_requests.request", user=member).exists()


def test_the_request_url_takes_post_only(member_client, restricted_page):
    assert member_client.get(request_url(restricted_page)).status_code == 405


def test_people_who_are_not_approved_members_cannot_ask(non_member_client, restricted_page):
    response = non_member_client.post(request_url(restricted_page), {"reason": "Please."})
    assert response.status_code == 403
    assert not AccessRequest.objects.exists()


def test_a_logged_out_visitor_is_sent_to_log_in_and_back_to_the_entry(client, restricted_page):
    response = client.post(request_url(restricted_page), {"reason": "Please."})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"] and "quay-gates" in response["Location"]


@pytest.mark.parametrize("access_level", ["public", "network"])
def test_only_restricted_live_entries_take_requests(member_client, access_level):
    page = build_practice("Open quay", "open-quay", access_level=access_level)
    assert member_client.post(request_url(page), {"reason": "Please."}).status_code == 404


def test_a_draft_or_missing_entry_gives_404(member_client, restricted_page):
    restricted_page.unpublish()
    assert member_client.post(request_url(restricted_page), {"reason": "Please."}).status_code == 404
    assert member_client.post("/practices/999999/request-access/", {"reason": "Please."}).status_code == 404


def test_an_invalid_request_comes_back_with_the_text_and_the_error(member_client, restricted_page):
    too_long = "I coordinate the port's crowd plan & need the details. " * 40
    response = member_client.post(request_url(restricted_page), {"reason": too_long})

    assert response.status_code == 400
    html = response.content.decode()
    assert "I coordinate the port&#x27;s crowd plan &amp; need the details." in html
    assert "at most 2000 characters" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert not AccessRequest.objects.exists()

    response = member_client.post(request_url(restricted_page), {"reason": "  "})
    assert response.status_code == 400
    assert "Tell the editors why you need access to this entry." in response.content.decode()


def test_a_member_already_cleared_is_just_sent_to_the_entry(member_client, member, restricted_page):
    restricted_page.restricted_groups.add(*member.groups.all())  # Network members
    restricted_page.save()
    response = member_client.post(request_url(restricted_page), {"reason": "Please."})
    assert response.status_code == 302 and response["Location"] == restricted_page.url
    assert not AccessRequest.objects.exists()


def test_the_french_site_sends_back_to_the_french_entry(member_client, restricted_page):
    publish_translation(restricted_page, "fr", title="Portiques de quai à l’arrivée des ferries")
    response = member_client.post(request_url(restricted_page, prefix="/fr"), {"reason": "Merci."})
    assert response.status_code == 302 and response["Location"] == "/fr/practices/quay-gates/"


def test_asking_too_often_is_refused_with_the_text_kept(member_client, member, restricted_page, monkeypatch):
    monkeypatch.setattr(decisions, "REQUESTS_PER_HOUR", 1)
    decisions.ask(restricted_page, member, "First wording.")
    response = member_client.post(request_url(restricted_page), {"reason": "Second wording."})
    assert response.status_code == 429
    assert "Second wording." in response.content.decode()
    assert AccessRequest.objects.get().reason == "First wording."


class TestPanel:
    def test_an_approved_member_without_clearance_gets_the_form(self, member, restricted_page):
        html = render_panel(restricted_page, member)
        assert f'action="/practices/{restricted_page.pk}/request-access/"' in html
        assert 'method="post"' in html and "<textarea" in html and 'maxlength="2000"' in html
        assert "Why do you need access?" in html

    def test_nobody_else_sees_anything(self, editor, restricted_page):
        from accounts.models import MemberProfile
        from tests.helpers import create_member

        pending = create_member("pending@example.org", status=MemberProfile.Status.PENDING)
        assert render_panel(restricted_page, AnonymousUser()) == ""
        assert render_panel(restricted_page, pending) == ""
        assert render_panel(restricted_page, editor) == ""

    def test_a_public_or_network_entry_shows_nothing(self, member):
        assert render_panel(original(PracticePage, "cssc-london"), member) == ""
        assert render_panel(build_practice("Network quay", "network-quay", access_level="network"), member) == ""

    def test_a_pending_request_shows_since_when_instead_of_the_form(self, member, restricted_page):
        decisions.ask(restricted_page, member, "For the port plan.")
        html = render_panel(restricted_page, member)
        assert "Your request awaits a decision since" in html
        assert "<textarea" not in html

    def test_a_refused_request_shows_the_note_and_the_form_to_ask_again(self, member, restricted_page, editor):
        access_request, _ = decisions.ask(restricted_page, member, "For the port plan.")
        decisions.refuse(access_request, editor, "Ask your city's security officer.")
        html = render_panel(restricted_page, member)
        assert "Your request was refused on" in html
        assert "Ask your city&#x27;s security officer." in html
        assert "<textarea" in html and "Ask again" in html
