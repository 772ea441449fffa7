"""Passwords go through Django's validators wherever a member chooses one."""

import re

import pytest
from django.core import mail
from django.test import Client

from practices.models import City
from tests.helpers import create_staff

pytestmark = pytest.mark.django_db

WEAK = "password123"
COMMON = "This password is too common."


def test_registration_refuses_a_common_password(client):
    city = City.objects.order_by("name").first()
    response = client.post("/accounts/register/", {
        "first_name": "Léa", "last_name": "Dubois", "email": "lea@example.org", "organisation": f"city:{city.slug}",
        "role": "Head of public safety", "password1": WEAK, "password2": WEAK, "website": "",
    })
    assert response.status_code == 200
    assert COMMON in response.content.decode()
    assert not response.context["form"].is_valid()


def test_the_invitations_set_password_page_refuses_a_common_password():
    from practices.models import Organisation

    editor = Client()
    editor.force_login(create_staff("edith"))
    organisation = Organisation.objects.order_by("name").first()
    editor.post("/admin/members/new/", {
        "first_name": "Iris", "last_name": "Invited", "email": "iris@example.org",
        "organisation": f"organisation:{organisation.slug}", "role": "Venue security manager", "language": "en",
    })
    [message] = mail.outbox
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/\S+/)", message.body).group(1)
    member = Client()
    form_page = member.get(link, follow=True)
    response = member.post(form_page.redirect_chain[-1][0], {"new_password1": WEAK, "new_password2": WEAK})
    assert response.status_code == 200
    assert COMMON in response.content.decode()
    assert not member.post("/accounts/login/", {"username": "iris@example.org", "password": WEAK}).status_code == 302
