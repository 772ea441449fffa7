import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from wagtail.models import ModelLogEntry

from accounts.models import MemberProfile
from accounts.roles import MODERATORS, NETWORK_MEMBERS, is_approved_member
from practices.models import City, Organisation
from tests.helpers import PASSWORD, create_member, create_staff

pytestmark = pytest.mark.django_db

Status = MemberProfile.Status


@pytest.fixture
def pending():
    user = create_member("lea@example.org", status=Status.PENDING, first_name="Léa", last_name="Dubois", language="fr")
    return user.member_profile


@pytest.fixture
def staff_client(client):
    """Logged in as a member of Wagtail's Editors group (not a superuser)."""
    staff = create_staff("edith")
    client.force_login(staff)
    client.staff = staff
    return client


def review_url(profile):
    return f"/admin/members/review/{profile.pk}/"


def logs(profile, action):
    return ModelLogEntry.objects.filter(object_id=str(profile.pk), content_type__model="memberprofile", action=action)


def test_editors_list_members_and_filter_them_by_status(staff_client, pending):
    create_member("ok@example.org", first_name="Olga", last_name="Approved")
    html = staff_client.get("/admin/members/").content.decode()
    assert "Léa Dubois" in html and "Olga Approved" in html
    html = staff_client.get("/admin/members/?status=pending").content.decode()
    assert "Léa Dubois" in html and "Olga Approved" not in html
    assert review_url(pending) in html
    assert "Invite a member" in html
    html = staff_client.get("/admin/members/?q=dubois").content.decode()
    assert "Léa Dubois" in html and "Olga Approved" not in html


def test_moderators_may_review_too(client, pending):
    client.force_login(create_staff("moe", group=MODERATORS))
    assert client.get(review_url(pending)).status_code == 200
    assert client.post(review_url(pending), {"decision": "approve"}).status_code == 302
    pending.refresh_from_db()
    assert pending.status == Status.APPROVED


def test_approval_makes_a_network_member_emails_them_and_is_logged(staff_client, pending):
    page = staff_client.get(review_url(pending)).content.decode()
    assert "lea@example.org" in page and str(pending.member_organisation) in page
    assert re.search(r'<form method="post">\s*<input type="hidden" name="csrfmiddlewaretoken"', page)

    response = staff_client.post(review_url(pending), {"decision": "approve"})
    assert response["Location"] == "/admin/members/"

    pending.refresh_from_db()
    assert pending.status == Status.APPROVED
    assert pending.decided_by == staff_client.staff and pending.decided_at is not None
    assert pending.user.groups.filter(name=NETWORK_MEMBERS).exists()
    assert is_approved_member(pending.user)

    [message] = mail.outbox
    assert message.to == ["lea@example.org"]
    # The member registered in French: the e-mail links to the French login page.
    assert "http://testserver/fr/accounts/login/" in message.body

    [entry] = logs(pending, "accounts.approve")
    assert entry.user == staff_client.staff
    history = staff_client.get(f"/admin/members/history/{pending.pk}/").content.decode()
    assert "Membership approved" in history
    assert "Membership approved" in staff_client.get("/admin/reports/site-history/").content.decode()

    # The approved member now logs in.
    assert Client().post("/accounts/login/", {"username": "lea@example.org", "password": PASSWORD}).status_code == 302


def test_refusal_keeps_the_reason_emails_it_and_is_logged(staff_client, pending):
    response = staff_client.post(review_url(pending), {"decision": "refuse", "reason": "We could not confirm your post."})
    assert response["Location"] == "/admin/members/"
    pending.refresh_from_db()
    assert pending.status == Status.REFUSED and pending.decided_by == staff_client.staff
    assert not pending.user.groups.filter(name=NETWORK_MEMBERS).exists()

    [message] = mail.outbox
    assert message.to == ["lea@example.org"] and "We could not confirm your post." in message.body

    [entry] = logs(pending, "accounts.refuse")
    assert entry.user == staff_client.staff and entry.data == {"reason": "We could not confirm your post."}
    history = staff_client.get(f"/admin/members/history/{pending.pk}/").content.decode()
    assert "Membership refused: We could not confirm your post." in history
    report = staff_client.get("/admin/reports/site-history/").content.decode()
    assert "Membership refused: We could not confirm your post." in report


def test_a_refusal_without_a_reason_is_fine(staff_client, pending):
    staff_client.post(review_url(pending), {"decision": "refuse"})
    pending.refresh_from_db()
    assert pending.status == Status.REFUSED
    assert "reason" not in mail.outbox[0].body.lower()


def test_a_too_long_reason_is_explained_and_kept(staff_client, pending):
    reason = "x" * 2001
    response = staff_client.post(review_url(pending), {"decision": "refuse", "reason": reason})
    assert response.status_code == 200
    assert "Ensure this value has at most 2000 characters" in response.content.decode()
    assert reason in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Status.PENDING and mail.outbox == []


def test_a_refused_member_may_be_approved_later_but_an_approved_one_not_refused(staff_client):
    refused = create_member("r@example.org", status=Status.REFUSED).member_profile
    approved = create_member("a@example.org").member_profile
    page = staff_client.get(review_url(approved)).content.decode()
    assert 'value="approve"' not in page and 'value="refuse"' not in page

    response = staff_client.post(review_url(approved), {"decision": "refuse"}, follow=True)
    assert "This decision is not possible: the membership is approved." in response.content.decode()
    approved.refresh_from_db()
    assert approved.status == Status.APPROVED and mail.outbox == []
    assert not logs(approved, "accounts.refuse").exists()

    staff_client.post(review_url(refused), {"decision": "approve"})
    refused.refresh_from_db()
    assert refused.status == Status.APPROVED


def test_an_unknown_decision_changes_nothing(staff_client, pending):
    assert staff_client.post(review_url(pending), {"decision": "delete"}).status_code == 302
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_get_never_decides(staff_client, pending):
    staff_client.get(review_url(pending) + "?decision=approve")
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_decisions_need_the_csrf_token(pending):
    client = Client(enforce_csrf_checks=True)
    client.force_login(create_staff("edith"))
    assert client.post(review_url(pending), {"decision": "approve"}).status_code == 403
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_members_and_visitors_never_reach_the_member_admin(client, pending):
    for url in ("/admin/members/", review_url(pending), "/admin/members/new/"):
        assert client.get(url)["Location"].startswith("/admin/login/")
    client.force_login(create_member("m@example.org"))
    response = client.post(review_url(pending), {"decision": "approve"})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_admin_users_without_the_member_permissions_are_refused(client, pending):
    # Another group with the admin but without the member permissions (e.g. a translator).
    from django.contrib.auth.models import Group, Permission

    translators = Group.objects.create(name="Translators")
    translators.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(create_staff("tina", group="Translators"))
    # Wagtail answers a permission denied in its admin with a redirect to the dashboard.
    assert client.get(review_url(pending))["Location"] == "/admin/"
    assert client.post(review_url(pending), {"decision": "approve"})["Location"] == "/admin/"
    assert client.post("/admin/members/new/", invitation())["Location"] == "/admin/"
    assert "Members" not in client.get("/admin/").content.decode()
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def invitation(**changes):
    organisation = Organisation.objects.filter(sector="private").order_by("name").first()
    data = {
        "first_name": "Iris", "last_name": "Invited", "email": "Iris@Example.org",
        "organisation": f"organisation:{organisation.slug}", "role": "Venue security manager", "language": "en",
    }
    data.update(changes)
    return data


def test_an_editor_invites_a_member_who_chooses_a_password(staff_client):
    assert "Invite a member" in staff_client.get("/admin/members/new/").content.decode()
    response = staff_client.post("/admin/members/new/", invitation())
    assert response["Location"] == "/admin/members/"

    user = get_user_model().objects.get(email="iris@example.org")
    profile = user.member_profile
    assert profile.status == Status.APPROVED and profile.decided_by == staff_client.staff
    assert profile.organisation.sector == "private" and profile.role == "Venue security manager"
    assert user.groups.filter(name=NETWORK_MEMBERS).exists() and not user.has_usable_password()
    [entry] = logs(profile, "accounts.invite")
    assert entry.user == staff_client.staff

    [message] = mail.outbox
    assert message.to == ["iris@example.org"] and "Edith" in message.body
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/\S+/)", message.body).group(1)

    member = Client()
    form_page = member.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    member.post(form_page.redirect_chain[-1][0], {"new_password1": "Venue-doors-open-9", "new_password2": "Venue-doors-open-9"})
    assert member.post("/accounts/login/", {"username": "iris@example.org", "password": "Venue-doors-open-9"}).status_code == 302


def test_an_invited_member_whose_link_expired_can_ask_for_another(staff_client):
    staff_client.post("/admin/members/new/", invitation())
    mail.outbox.clear()
    Client().post("/accounts/password-reset/", {"email": "iris@example.org"})
    [message] = mail.outbox
    assert message.to == ["iris@example.org"]


def test_an_invitation_in_french_links_to_the_french_pages(staff_client):
    staff_client.post("/admin/members/new/", invitation(language="fr"))
    assert "http://testserver/fr/accounts/password-reset/" in mail.outbox[0].body


@pytest.mark.parametrize(
    "changes, field",
    [({"email": "MEMBER@example.org"}, "email"), ({"organisation": "city:atlantis"}, "organisation"), ({"role": ""}, "role")],
)
def test_an_invalid_invitation_is_explained_and_kept(staff_client, changes, field):
    create_member("member@example.org")
    response = staff_client.post("/admin/members/new/", invitation(**changes))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert 'value="Venue security manager"' in response.content.decode() or field == "role"
    assert not get_user_model().objects.filter(email="iris@example.org").exists() and mail.outbox == []


def test_editing_a_profile_with_both_a_city_and_an_organisation_is_refused(staff_client):
    member = create_member()
    profile = member.member_profile
    data = {
        "city": City.objects.order_by("pk").first().pk, "organisation": Organisation.objects.order_by("pk").first().pk,
        "role": "Officer", "language": "en",
    }
    response = staff_client.post(f"/admin/members/edit/{profile.pk}/", data)
    assert response.status_code == 200
    assert "Choose either a city or an organisation, not both." in response.content.decode()
    profile.refresh_from_db()
    assert profile.organisation is None
