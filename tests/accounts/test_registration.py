import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from accounts.models import MemberProfile
from accounts.roles import MODERATORS, NETWORK_MEMBERS, is_approved_member
from practices.models import City, Organisation
from tests.helpers import create_member, create_staff

pytestmark = pytest.mark.django_db

URL = "/accounts/register/"
NEW_PASSWORD = "Harbour-lights-2026"


def answers(**changes):
    city = City.objects.order_by("name").first()
    data = {
        "first_name": "Léa", "last_name": "Dubois", "email": "Lea.Dubois@Example.org",
        "organisation": f"city:{city.slug}", "role": "Head of public safety",
        "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "website": "",
    }
    data.update(changes)
    return data


def field_errors(response, name):
    return response.context["form"].errors.get(name, [])


def test_the_form_offers_cities_and_organisations_in_two_groups(client):
    html = client.get(URL).content.decode()
    city, organisation = City.objects.order_by("name").first(), Organisation.objects.order_by("name").first()
    assert '<optgroup label="Cities">' in html and '<optgroup label="Organisations">' in html
    cities = html.split('<optgroup label="Cities">')[1].split("</optgroup>")[0]
    organisations = html.split('<optgroup label="Organisations">')[1].split("</optgroup>")[0]
    assert f'value="city:{city.slug}"' in cities
    assert f'value="organisation:{organisation.slug}"' in organisations
    for label in ("First name", "Last name", "E-mail address", "Member organisation", "Your role", "Password"):
        assert f">{label}" in html


def test_registration_creates_a_pending_member_and_says_what_happens_next(client):
    response = client.post(URL, answers(), follow=True)
    assert response.redirect_chain == [("/accounts/register/done/", 302)]
    assert "Your membership is awaiting approval" in response.content.decode()

    user = get_user_model().objects.get(email="lea.dubois@example.org")
    assert user.username == "lea.dubois@example.org"
    assert (user.first_name, user.last_name) == ("Léa", "Dubois")
    assert user.check_password(NEW_PASSWORD)
    profile = user.member_profile
    assert profile.status == MemberProfile.Status.PENDING
    assert profile.city == City.objects.order_by("name").first() and profile.organisation is None
    assert profile.role == "Head of public safety" and profile.language == "en"
    assert not user.groups.filter(name=NETWORK_MEMBERS).exists()
    assert not is_approved_member(user)


def test_a_company_member_registers_with_an_organisation(client):
    company = Organisation.objects.filter(sector="private").order_by("name").first()
    client.post(URL, answers(organisation=f"organisation:{company.slug}"))
    profile = MemberProfile.objects.get(user__email="lea.dubois@example.org")
    assert profile.organisation == company and profile.city is None
    assert profile.is_company


def test_editors_moderators_and_superusers_are_emailed(client, editor):
    editor_in_group = create_staff("edith")
    moderator = create_staff("moe", group=MODERATORS)
    create_staff("quiet", email="")  # no address: cannot be told
    inactive = create_staff("gone")
    inactive.is_active = False
    inactive.save()
    create_member()  # a network member is not an editor

    client.post(URL, answers())

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([editor.email, editor_in_group.email, moderator.email])
    message = mail.outbox[0]
    assert message.subject.startswith("Registration awaiting approval: Léa Dubois")
    profile = MemberProfile.objects.get(user__email="lea.dubois@example.org")
    assert f"/admin/members/review/{profile.pk}/" in message.body
    assert "Head of public safety" in message.body and "lea.dubois@example.org" in message.body


def test_an_email_address_is_used_once_whatever_its_case(client):
    create_member("lea.dubois@example.org")
    response = client.post(URL, answers(email="LEA.DUBOIS@example.ORG"))
    assert response.status_code == 200
    assert "An account already uses this e-mail address" in field_errors(response, "email")[0]
    assert get_user_model().objects.filter(email__iexact="lea.dubois@example.org").count() == 1


@pytest.mark.parametrize("value", ["", "city:no-such-city", "planet:mars", "organisation:", "city", "x" * 5000])
def test_the_organisation_is_checked_on_the_server(client, value):
    response = client.post(URL, answers(organisation=value))
    assert response.status_code == 200
    assert field_errors(response, "organisation")
    assert not get_user_model().objects.filter(email="lea.dubois@example.org").exists()


def test_a_city_slug_given_as_an_organisation_is_refused(client):
    city = City.objects.exclude(slug__in=Organisation.objects.values("slug")).first()
    response = client.post(URL, answers(organisation=f"organisation:{city.slug}"))
    assert field_errors(response, "organisation")


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"password2": "Another-password-99"}, "password2", "The two password fields didn’t match."),
        ({"password1": "password", "password2": "password"}, "password2", "This password is too common."),
        ({"password1": "12345678901", "password2": "12345678901"}, "password2", "This password is entirely numeric."),
        ({"password1": "lea.dubois@example", "password2": "lea.dubois@example"}, "password2", "The password is too similar to the"),
        ({"email": "not an address"}, "email", "Enter a valid email address."),
        ({"first_name": ""}, "first_name", "This field is required."),
        ({"role": "r" * 201}, "role", "Ensure this value has at most 200 characters"),
        ({"last_name": "Du\x00bois"}, "last_name", "Null characters are not allowed."),
    ],
)
def test_invalid_answers_are_explained_beside_the_field_and_the_rest_is_kept(client, changes, field, message):
    response = client.post(URL, answers(**changes))
    assert response.status_code == 200
    assert any(error.startswith(message) for error in field_errors(response, field)), field_errors(response, field)
    html = response.content.decode()
    # The message is linked to its field, and everything typed is still there but the passwords.
    assert f'id="id_{field}_error"' in html
    assert re.search(rf'<(input|select)[^>]*aria-describedby="[^"]*id_{field}_error', html)
    if field != "email":
        assert 'value="Lea.Dubois@Example.org"' in html
    if field != "role":
        assert 'value="Head of public safety"' in html
    assert f'value="{answers()["organisation"]}" selected' in html
    assert NEW_PASSWORD not in html
    assert not get_user_model().objects.filter(email__iexact="lea.dubois@example.org").exists()


def test_the_honeypot_stops_robots(client):
    response = client.post(URL, answers(website="http://spam.example"))
    assert response.status_code == 200
    assert field_errors(response, "website")
    assert not get_user_model().objects.filter(email="lea.dubois@example.org").exists()
    assert mail.outbox == []


def test_the_form_needs_its_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, answers())
    assert response.status_code == 403
    assert not get_user_model().objects.filter(email="lea.dubois@example.org").exists()


def test_registration_works_in_french_and_remembers_the_language(client):
    page = client.get("/fr/accounts/register/")
    assert page.status_code == 200 and '<html lang="fr">' in page.content.decode()
    response = client.post("/fr/accounts/register/", answers())
    assert response.status_code == 302 and response["Location"] == "/fr/accounts/register/done/"
    assert MemberProfile.objects.get(user__email="lea.dubois@example.org").language == "fr"


def test_hostile_text_is_stored_as_text_and_shown_escaped(client, editor):
    client.post(URL, answers(first_name="<script>alert(1)</script>", role="'; DROP TABLE auth_user; --"))
    profile = MemberProfile.objects.get(user__email="lea.dubois@example.org")
    assert profile.user.first_name == "<script>alert(1)</script>"
    client.force_login(editor)
    html = client.get(f"/admin/members/review/{profile.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html

