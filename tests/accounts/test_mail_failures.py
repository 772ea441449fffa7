"""A mail server that is down never undoes a decision nor shows an error page."""

import pytest

from accounts.models import MemberProfile
from practices.models import City
from tests.helpers import create_member, create_staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "tests.helpers.MailServerDown"


def test_a_registration_is_kept_when_editors_cannot_be_told(client, editor):
    city = City.objects.order_by("name").first()
    response = client.post("/accounts/register/", {
        "first_name": "Léa", "last_name": "Dubois", "email": "lea@example.org", "organisation": f"city:{city.slug}",
        "role": "Officer", "password1": "Harbour-lights-2026", "password2": "Harbour-lights-2026",
    })
    assert response["Location"] == "/accounts/register/done/"
    assert MemberProfile.objects.get(user__email="lea@example.org").status == MemberProfile.Status.PENDING


def test_an_approval_stands_and_the_editor_is_warned(client):
    profile = create_member("lea@example.org", status=MemberProfile.Status.PENDING).member_profile
    client.force_login(create_staff("edith"))
    response = client.post(f"/admin/members/review/{profile.pk}/", {"decision": "approve"}, follow=True)
    assert response.status_code == 200
    assert "The e-mail to lea@example.org could not be sent" in response.content.decode()
    profile.refresh_from_db()
    assert profile.status == MemberProfile.Status.APPROVED


def test_an_invitation_stands_and_the_editor_is_warned(client):
    client.force_login(create_staff("edith"))
    city = City.objects.order_by("name").first()
    response = client.post("/admin/members/new/", {
        "first_name": "Iris", "last_name": "Invited", "email": "iris@example.org", "organisation": f"city:{city.slug}",
        "role": "Officer", "language": "en",
    }, follow=True)
    assert "The e-mail to iris@example.org could not be sent" in response.content.decode()
    assert MemberProfile.objects.get(user__email="iris@example.org").is_approved
