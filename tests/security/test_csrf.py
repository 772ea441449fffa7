"""Every view of the site that changes something: a GET changes nothing, and a POST without
the CSRF token is refused (403) and changes nothing either."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from accounts.models import MemberProfile
from submissions.models import CaseStudy
from tests.helpers import PASSWORD, create_member, create_staff
from tests.submissions.conftest import valid_answers

pytestmark = pytest.mark.django_db


def csrf_checking_client(user=None):
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def user_count():
    return get_user_model().objects.count()


def test_logout_needs_post_and_the_token():
    member = create_member()
    client = csrf_checking_client(member)
    assert client.get("/accounts/logout/").status_code == 405
    assert client.post("/accounts/logout/").status_code == 403
    assert client.get("/accounts/login/").context["user"] == member


def test_login_and_registration_need_the_token():
    create_member("ana@example.org")
    client = csrf_checking_client()
    assert client.post("/accounts/login/", {"username": "ana@example.org", "password": PASSWORD}).status_code == 403
    before = user_count()
    assert client.get("/accounts/register/").status_code == 200
    assert client.post("/accounts/register/", {"email": "new@example.org"}).status_code == 403
    assert user_count() == before


def test_password_reset_and_two_factor_pages_need_the_token(mailoutbox):
    create_member("ana@example.org")
    client = csrf_checking_client()
    assert client.post("/accounts/password-reset/", {"email": "ana@example.org"}).status_code == 403
    assert mailoutbox == []
    client = csrf_checking_client(create_staff("edith"))
    assert client.post("/accounts/two-factor/set-up/", {"code": "123456"}).status_code == 403


def test_case_study_pages_save_and_submit_only_on_a_post_with_the_token():
    member = create_member()
    client = csrf_checking_client(member)
    assert client.get("/submit/?title=Injected&submit=1").status_code == 200
    assert client.post("/submit/", valid_answers()).status_code == 403
    assert client.post("/submit/", {**valid_answers(), "submit": "1"}).status_code == 403
    assert not CaseStudy.objects.exists()
    # A draft that exists: editing it needs the token too.
    client = Client()
    client.force_login(member)
    client.post("/submit/", valid_answers())
    case_study = CaseStudy.objects.get()
    client = csrf_checking_client(member)
    edit_url = f"/my/case-studies/{case_study.pk}/edit/"
    assert client.get(f"{edit_url}?submit=1").status_code == 200
    assert client.post(edit_url, {**valid_answers(title="Changed"), "submit": "1"}).status_code == 403
    case_study.refresh_from_db()
    assert case_study.title == valid_answers()["title"] and case_study.status == CaseStudy.Status.DRAFT


def test_membership_decisions_and_invitations_need_a_post_with_the_token():
    pending = create_member("waiting@example.org", status=MemberProfile.Status.PENDING).member_profile
    client = csrf_checking_client(create_staff("edith"))
    review = f"/admin/members/review/{pending.pk}/"
    assert client.get(f"{review}?decision=approve").status_code == 200
    assert client.post(review, {"decision": "approve"}).status_code == 403
    assert client.post(review, {"decision": "refuse"}).status_code == 403
    pending.refresh_from_db()
    assert pending.status == MemberProfile.Status.PENDING
    before = user_count()
    assert client.get("/admin/members/new/").status_code == 200
    assert client.post("/admin/members/new/", {"email": "iris@example.org"}).status_code == 403
    assert user_count() == before


def test_the_language_switch_changes_only_on_a_post_with_the_token():
    client = csrf_checking_client()
    response = client.get("/i18n/setlang/?language=fr&next=/")
    assert "django_language" not in response.cookies
    assert client.post("/i18n/setlang/", {"language": "fr", "next": "/"}).status_code == 403
    assert "django_language" not in client.cookies
