"""The deciders' side: the admin listing, Grant / Refuse, and what the member sees after."""

from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry

from accounts.roles import MODERATORS
from access_requests import decisions
from access_requests.deciders import can_decide
from access_requests.models import AccessRequest
from tests.helpers import create_staff

from .conftest import BODY_WORD, build_practice

LISTING = reverse("access_requests_admin:index")


def decide_url(access_request):
    return reverse("access_requests_admin:decide", args=[access_request.pk])


def asked(member_client, page, reason="I plan the ferry terminal's evacuation."):
    member_client.post(f"/practices/{page.pk}/request-access/", {"reason": reason})
    return AccessRequest.objects.get(page=page)


def test_the_owner_s_editor_grants_and_the_member_reads_the_entry(
    member_client, member, restricted_page, owner_editor, owner_client
):
    assert member_client.get(restricted_page.url).status_code == 403
    access_request = asked(member_client, restricted_page)

    listing = owner_client.get(LISTING)
    assert listing.status_code == 200
    assert "Ana Member" in listing.content.decode() and decide_url(access_request) in listing.content.decode()
    page = owner_client.get(decide_url(access_request)).content.decode()
    assert "I plan the ferry terminal&#x27;s evacuation." in page and 'value="grant"' in page

    mail.outbox.clear()
    response = owner_client.post(decide_url(access_request), {"decision": "grant", "note": "Welcome aboard."})
    assert response.status_code == 302 and response["Location"] == LISTING

    access_request.refresh_from_db()
    assert access_request.status == AccessRequest.Status.GRANTED
    assert access_request.decided_by == owner_editor and access_request.decided_at is not None
    opened = member_client.get(restricted_page.url)
    assert opened.status_code == 200 and BODY_WORD in opened.content.decode()
    [message] = mail.outbox
    assert message.to == [member.email]
    assert "Welcome aboard." in message.body and restricted_page.url in message.body
    actions = list(PageLogEntry.objects.filter(page=restricted_page).order_by("pk").values_list("action", "user_id"))
    assert ("access_requests.request", member.pk) in actions and ("access_requests.grant", owner_editor.pk) in actions

    history = owner_client.get(reverse("wagtailadmin_pages:history", args=[restricted_page.pk])).content.decode()
    assert "Access granted to Ana Member" in history


def test_an_editor_of_another_organisation_neither_sees_nor_decides(
    member_client, restricted_page, other_editor, other_editor_client
):
    access_request = asked(member_client, restricted_page)

    listing = other_editor_client.get(LISTING)
    assert listing.status_code == 200 and decide_url(access_request) not in listing.content.decode()
    assert other_editor_client.get(decide_url(access_request)).status_code == 403
    assert other_editor_client.post(decide_url(access_request), {"decision": "grant"}).status_code == 403
    access_request.refresh_from_db()
    assert access_request.status == AccessRequest.Status.PENDING


def test_members_without_the_admin_cannot_reach_it(member_client, restricted_page):
    access_request = asked(member_client, restricted_page)
    for response in (member_client.get(decide_url(access_request)), member_client.post(decide_url(access_request), {"decision": "grant"})):
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    access_request.refresh_from_db()
    assert access_request.status == AccessRequest.Status.PENDING


def test_refused_the_member_gets_the_note_and_still_cannot_read(
    member_client, member, restricted_page, owner_editor, owner_client
):
    access_request = asked(member_client, restricted_page)
    mail.outbox.clear()
    owner_client.post(decide_url(access_request), {"decision": "refuse", "note": "Ask your port authority instead."})

    access_request.refresh_from_db()
    assert access_request.status == AccessRequest.Status.REFUSED
    assert access_request.decision_note == "Ask your port authority instead."
    [message] = mail.outbox
    assert message.to == [member.email] and "Ask your port authority instead." in message.body
    assert member_client.get(restricted_page.url).status_code == 403
    entry = PageLogEntry.objects.get(page=restricted_page, action="access_requests.refuse")
    assert entry.user == owner_editor and entry.data["note"] == "Ask your port authority instead."


def test_asking_again_after_a_refusal_reopens_the_request(
    member_client, member, restricted_page, owner_editor, owner_client
):
    access_request = asked(member_client, restricted_page)
    owner_client.post(decide_url(access_request), {"decision": "refuse", "note": "Not yet."})
    mail.outbox.clear()

    response = member_client.post(f"/practices/{restricted_page.pk}/request-access/", {"reason": "Our terminal opened."})
    assert response.status_code == 302

    access_request.refresh_from_db()
    assert access_request.status == AccessRequest.Status.PENDING
    assert access_request.reason == "Our terminal opened."
    assert access_request.decided_by is None and access_request.decision_note == ""
    assert AccessRequest.objects.filter(page=restricted_page, member=member).count() == 1
    assert any(owner_editor.email in m.to for m in mail.outbox)


def test_a_granted_access_can_be_withdrawn(member_client, restricted_page, owner_client):
    access_request = asked(member_client, restricted_page)
    owner_client.post(decide_url(access_request), {"decision": "grant"})
    assert member_client.get(restricted_page.url).status_code == 200
    owner_client.post(decide_url(access_request), {"decision": "refuse", "note": "The project ended."})
    assert member_client.get(restricted_page.url).status_code == 403


def test_a_decision_already_taken_or_unknown_is_explained_not_applied(member_client, restricted_page, owner_client):
    access_request = asked(member_client, restricted_page)
    owner_client.post(decide_url(access_request), {"decision": "grant"})
    mail.outbox.clear()
    response = owner_client.post(decide_url(access_request), {"decision": "grant"}, follow=True)
    assert "This decision is not possible" in response.content.decode()
    response = owner_client.post(decide_url(access_request), {"decision": "delete"}, follow=True)
    assert "This decision is not possible" in response.content.decode()
    assert not mail.outbox


def test_a_note_too_long_is_shown_again_with_the_error(member_client, restricted_page, owner_client):
    access_request = asked(member_client, restricted_page)
    response = owner_client.post(decide_url(access_request), {"decision": "refuse", "note": "n" * 2001})
    assert response.status_code == 200 and "n" * 2001 in response.content.decode()
    access_request.refresh_from_db()
    assert access_request.status == AccessRequest.Status.PENDING


def test_the_listing_puts_pending_first_and_filters_by_status(member_client, member, editor_client, harbour_authority):
    from tests.helpers import create_member

    first = build_practice("Quay gates", "quay-gates-1", owner_organisation=harbour_authority)
    second = build_practice("Quay lights", "quay-lights", owner_organisation=harbour_authority)
    other = create_member("other@example.org", first_name="Bea")
    granted, _ = decisions.ask(first, member, "Old one.")
    decisions.grant(granted, None)
    pending, _ = decisions.ask(second, other, "New one.")

    html = editor_client.get(LISTING).content.decode()  # a superuser decides everything
    assert html.index(decide_url(pending)) < html.index(decide_url(granted))
    filtered = editor_client.get(LISTING, {"status": "granted"}).content.decode()
    assert decide_url(granted) in filtered and decide_url(pending) not in filtered
    found = editor_client.get(reverse("access_requests_admin:index_results"), {"q": "Bea"}).content.decode()
    assert decide_url(pending) in found and decide_url(granted) not in found


def test_the_menu_counts_the_pending_requests_a_decider_may_decide(member_client, restricted_page, owner_client, other_editor_client):
    asked(member_client, restricted_page)
    assert "Access requests (1)" in owner_client.get(reverse("wagtailadmin_home")).content.decode()
    other = other_editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Access requests" in other and "Access requests (1)" not in other


def test_without_an_owner_those_who_may_publish_the_entry_decide(member, db):
    page = build_practice("Quay without owner", "quay-no-owner")
    moderator = create_staff("moderator", group=MODERATORS)
    editor_without_publish = create_staff("writer")
    access_request, _ = decisions.ask(page, member, "Please.")
    assert page.permissions_for_user(moderator).can_publish()
    assert can_decide(moderator, access_request)
    assert can_decide(editor_without_publish, access_request) == page.permissions_for_user(editor_without_publish).can_publish()
    assert not can_decide(member, access_request)
    assert moderator.email in [m for message in mail.outbox for m in message.to]


def test_the_owner_s_editor_does_not_decide_for_entries_of_other_owners(member, restricted_page, owner_editor, other_editor):
    access_request, _ = decisions.ask(restricted_page, member, "Please.")
    assert can_decide(owner_editor, access_request)
    assert not can_decide(other_editor, access_request)
    owner_editor.is_active = False
    assert not can_decide(owner_editor, access_request)


def test_decisions_are_logged_even_without_an_e_mail_server(member, restricted_page, owner_client, settings):
    settings.EMAIL_BACKEND = "tests.helpers.MailServerDown"
    access_request = AccessRequest.objects.create(page=restricted_page, member=member, reason="Please.")
    response = owner_client.post(decide_url(access_request), {"decision": "grant"}, follow=True)
    assert "could not be sent" in response.content.decode()
    assert PageLogEntry.objects.filter(page=restricted_page, action="access_requests.grant").exists()
