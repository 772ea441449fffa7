"""Drill: the mail server is down during every kind of notification the site sends.

Django's real SMTP backend, pointed at a port where nothing listens: each action stands
(what was decided is saved), answers a page or a redirect (never the error page), says so
where an editor is waiting for the e-mail to leave, and the failure is logged for the
operator. Every e-mail template of the site, and Wagtail's notice to the editors of a new
case study, has its drill here (the first test fails for a new one without).
"""

import logging
import socket
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import PageLogEntry

from access_requests.models import AccessRequest
from accounts.models import MemberProfile
from practices.models import City
from submissions.models import CaseStudy
from tests.access_requests.conftest import harbour_authority, owner_editor, restricted_page  # noqa: F401 (fixtures)
from tests.helpers import create_member, create_staff, logged_in
from tests.submissions.conftest import valid_answers
from tests.submissions.test_review import workflow_action

pytestmark = pytest.mark.django_db

DRILLS = {}


def drill(*kinds):
    def register(function):
        DRILLS.update({kind: function.__name__ for kind in kinds})
        return function

    return register


@pytest.fixture(autouse=True)
def mail_server_down(settings, caplog):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    caplog.set_level(logging.ERROR)
    return caplog


def failures_logged(caplog, when="call"):
    return [record for record in caplog.get_records(when) if record.levelno >= logging.ERROR and record.exc_info]


def test_every_kind_of_e_mail_has_its_drill():
    templates = Path(django_settings.BASE_DIR) / "templates"
    kinds = {path.name.removesuffix("_subject.txt") for path in templates.glob("*/emails/*_subject.txt")}
    assert len(kinds) >= 11
    assert kinds | {"wagtail:case_study_submitted"} == set(DRILLS), "a new kind of e-mail needs its drill here"


@drill("registration_received")
def test_a_registration_is_kept_when_editors_cannot_be_told(client, editor, mail_server_down):
    city = City.objects.order_by("name").first()
    response = client.post("/accounts/register/", {
        "first_name": "Léa", "last_name": "Dubois", "email": "lea@example.org", "organisation": f"city:{city.slug}",
        "role": "Officer", "password1": "Harbour-lights-2026", "password2": "Harbour-lights-2026",
    })
    assert response["Location"] == "/accounts/register/done/"
    assert MemberProfile.objects.get(user__email="lea@example.org").status == MemberProfile.Status.PENDING
    assert failures_logged(mail_server_down)


@drill("membership_approved", "membership_refused")
@pytest.mark.parametrize("decision", ["approve", "refuse"])
def test_a_membership_decision_stands_and_the_editor_is_warned(client, decision, mail_server_down):
    profile = create_member("lea@example.org", status=MemberProfile.Status.PENDING).member_profile
    client.force_login(create_staff("edith"))
    response = client.post(f"/admin/members/review/{profile.pk}/", {"decision": decision, "reason": "Not confirmed."},
                           follow=True)
    assert response.status_code == 200
    assert "The e-mail to lea@example.org could not be sent" in response.content.decode()
    profile.refresh_from_db()
    assert profile.status == (MemberProfile.Status.APPROVED if decision == "approve" else MemberProfile.Status.REFUSED)
    assert failures_logged(mail_server_down)


@drill("invitation")
def test_an_invitation_stands_and_the_editor_is_warned(client, mail_server_down):
    client.force_login(create_staff("edith"))
    response = client.post("/admin/members/new/", {
        "first_name": "Iris", "last_name": "Invited", "email": "iris@example.org",
        "organisation": f"city:{City.objects.order_by('name').first().slug}", "role": "Officer", "language": "en",
    }, follow=True)
    assert "The e-mail to iris@example.org could not be sent" in response.content.decode()
    assert MemberProfile.objects.get(user__email="iris@example.org").is_approved
    assert failures_logged(mail_server_down)


@drill("password_reset")
def test_a_password_reset_request_answers_as_usual(client, member, mail_server_down):
    response = client.post("/accounts/password-reset/", {"email": member.email})
    # The same page whether or not the address is known, or the mail left (no account probing).
    assert response.status_code == 302 and response["Location"] == "/accounts/password-reset/sent/"
    assert get_user_model().objects.get(pk=member.pk).check_password("a-long-test-password")
    assert failures_logged(mail_server_down)


@drill("request_received")
def test_an_access_request_is_kept_when_its_deciders_cannot_be_told(member, restricted_page, owner_editor,
                                                                    mail_server_down):
    response = logged_in(member).post(f"/practices/{restricted_page.pk}/request-access/", {"reason": "I run the quay."})
    assert response.status_code == 302 and response["Location"] == restricted_page.url
    assert AccessRequest.objects.get(page=restricted_page, member=member).status == AccessRequest.Status.PENDING
    assert failures_logged(mail_server_down)


@drill("request_granted", "request_refused")
@pytest.mark.parametrize("decision", ["grant", "refuse"])
def test_an_access_decision_stands_and_the_decider_is_warned(member, restricted_page, owner_editor, decision,
                                                             mail_server_down):
    access_request = AccessRequest.objects.create(page=restricted_page, member=member, reason="Please.")
    response = logged_in(owner_editor).post(reverse("access_requests_admin:decide", args=[access_request.pk]),
                                            {"decision": decision, "note": "Decided."}, follow=True)
    assert response.status_code == 200 and "could not be sent" in response.content.decode()
    assert PageLogEntry.objects.filter(page=restricted_page, action=f"access_requests.{decision}").exists()
    access_request.refresh_from_db()
    assert access_request.status == (AccessRequest.Status.GRANTED if decision == "grant" else AccessRequest.Status.REFUSED)
    assert failures_logged(mail_server_down)


@pytest.fixture
def submitted(member, mail_server_down):
    """A member's case study sent for review while the mail server is down."""
    member.member_profile.city = City.objects.get(slug="new-york")
    member.member_profile.save()
    create_staff("group-editor")  # Wagtail tells the Editors group of a new case study
    response = logged_in(member).post("/submit/", {**valid_answers(), "submit": "1"})
    assert response.status_code == 302
    return CaseStudy.objects.get(owner=member)


@drill("wagtail:case_study_submitted")
def test_a_submission_is_sent_for_review_when_editors_cannot_be_told(submitted, mail_server_down):
    assert submitted.status == CaseStudy.Status.IN_REVIEW
    assert failures_logged(mail_server_down, when="setup")  # the submission is the fixture's


@drill("changes_requested", "published")
@pytest.mark.parametrize("action", ["reject", "approve"])
def test_a_review_decision_stands_when_the_member_cannot_be_told(submitted, editor, action, mail_server_down):
    response = workflow_action(logged_in(editor), submitted.page.specific, action, comment="Add the cost.")
    assert response.status_code in (200, 302)
    submitted.refresh_from_db()
    expected = CaseStudy.Status.CHANGES_REQUESTED if action == "reject" else CaseStudy.Status.PUBLISHED
    assert submitted.status == expected
    assert failures_logged(mail_server_down)


@drill("rejected")
def test_a_rejection_stands_and_the_editor_is_warned(submitted, editor, mail_server_down):
    response = logged_in(editor).post(reverse("submissions_reject", args=[submitted.pk]), {"reason": "Duplicate."},
                                      follow=True)
    assert response.status_code == 200 and "could not be sent" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == CaseStudy.Status.REJECTED
    assert failures_logged(mail_server_down)
