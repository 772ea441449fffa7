import re

import pytest
from django.core import mail

from tests.helpers import create_member

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Quiet-harbour-lights-7"


def reset_link(message):
    return re.search(r"http://testserver(/\S*/password-reset/\S+/\S+/)", message.body).group(1)


def test_a_member_resets_a_forgotten_password(client):
    create_member("ana@example.org")
    response = client.post("/accounts/password-reset/", {"email": "Ana@Example.org"})
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert "Check your e-mail" in client.get(response["Location"]).content.decode()

    [message] = mail.outbox
    assert message.to == ["ana@example.org"] and message.subject == "Choose a new password"
    link = reset_link(message)
    assert link.startswith("/accounts/password-reset/")

    form_page = client.get(link, follow=True)  # Django swaps the token for a session key
    assert "Choose a new password" in form_page.content.decode()
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/accounts/password-reset/done/"
    assert "Password saved" in client.get(done["Location"]).content.decode()

    assert client.post("/accounts/login/", {"username": "ana@example.org", "password": NEW_PASSWORD}).status_code == 302
    # The link is spent once the password has changed.
    client.post("/accounts/logout/")
    assert "This link no longer works" in client.get(link, follow=True).content.decode()


def test_the_new_password_is_checked_by_the_validators(client):
    create_member("ana@example.org")
    client.post("/accounts/password-reset/", {"email": "ana@example.org"})
    form_page = client.get(reset_link(mail.outbox[0]), follow=True)
    response = client.post(form_page.redirect_chain[-1][0], {"new_password1": "password", "new_password2": "password"})
    assert response.status_code == 200
    assert "This password is too common." in response.content.decode()
    assert 'id="id_new_password2_error"' in response.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_email(client):
    response = client.post("/accounts/password-reset/", {"email": "nobody@example.org"})
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert mail.outbox == []


def test_a_french_visitor_gets_a_french_link(client):
    create_member("ana@example.org")
    assert client.get("/fr/accounts/password-reset/").status_code == 200
    client.post("/fr/accounts/password-reset/", {"email": "ana@example.org"})
    assert reset_link(mail.outbox[0]).startswith("/fr/accounts/password-reset/")


def test_the_pages_use_the_site_layout(client):
    for url in ("/accounts/password-reset/", "/accounts/password-reset/sent/", "/accounts/password-reset/done/",
                "/accounts/password-reset/MQ/bad-token/"):
        response = client.get(url, follow=True)
        assert response.status_code == 200
        assert '<header class="site-header">' in response.content.decode(), url
