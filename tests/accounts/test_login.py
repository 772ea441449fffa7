import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from accounts.models import MemberProfile
from tests.helpers import PASSWORD, create_member

pytestmark = pytest.mark.django_db

URL = "/accounts/login/"


def log_in(client, username, password=PASSWORD, url=URL, **extra):
    return client.post(url, {"username": username, "password": password, **extra})


def logged_in_user(client):
    return client.get("/accounts/login/").context["user"]


def test_an_approved_member_logs_in_with_their_email_in_any_case(client):
    member = create_member("ana@example.org")
    response = log_in(client, "  ANA@Example.ORG")
    assert response.status_code == 302 and response["Location"] == "/"
    assert logged_in_user(client) == member


def test_the_login_page_goes_back_where_the_visitor_was(client):
    create_member()
    response = log_in(client, "member@example.org", url=f"{URL}?next=/search/%3Fq%3Dcctv", next="/search/?q=cctv")
    assert response["Location"] == "/search/?q=cctv"


def test_a_french_visitor_comes_back_to_the_french_site(client):
    create_member()
    assert log_in(client, "member@example.org", url="/fr/accounts/login/")["Location"] == "/fr/"


def test_a_pending_member_is_told_their_membership_awaits_approval(client):
    create_member("waiting@example.org", status=MemberProfile.Status.PENDING)
    response = log_in(client, "waiting@example.org")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your membership is awaiting approval" in html
    assert 'role="alert"' in html
    assert 'value="waiting@example.org"' in html  # what was typed stays
    assert not logged_in_user(client).is_authenticated


def test_the_approval_message_needs_the_right_password(client):
    # Nobody learns the status of an account without its password.
    create_member("waiting@example.org", status=MemberProfile.Status.PENDING)
    html = log_in(client, "waiting@example.org", password="wrong-password").content.decode()
    assert "awaiting approval" not in html
    assert "This e-mail address and password do not match an account" in html


def test_a_refused_member_cannot_log_in_and_is_told_why(client):
    create_member("no@example.org", status=MemberProfile.Status.REFUSED)
    html = log_in(client, "no@example.org").content.decode()
    assert "Your registration was not approved" in html
    assert not logged_in_user(client).is_authenticated


def test_a_wrong_password_gets_a_clear_message_beside_the_form(client):
    create_member()
    response = log_in(client, "member@example.org", password="not-it")
    assert response.status_code == 200
    assert "This e-mail address and password do not match an account" in response.content.decode()


def test_an_editor_still_logs_in_with_a_username(client, editor):
    assert log_in(client, "editor").status_code == 302
    assert logged_in_user(client) == editor


def test_an_address_shared_by_two_accounts_logs_nobody_in(client, django_user_model):
    django_user_model.objects.create_user("one", "shared@example.org", PASSWORD)
    django_user_model.objects.create_user("two", "Shared@example.org", PASSWORD)
    assert log_in(client, "shared@example.org").status_code == 200
    assert not logged_in_user(client).is_authenticated


def test_logout_is_a_post_from_the_header(client):
    member = create_member()
    client.force_login(member)
    html = client.get("/").content.decode()
    header = html.split('<nav class="account-nav"')[1].split("</nav>")[0]
    assert 'method="post" action="/accounts/logout/"' in header and "csrfmiddlewaretoken" in header
    assert "Ana Member" in header
    assert client.get("/accounts/logout/").status_code == 405
    assert logged_in_user(client) == member
    assert client.post("/accounts/logout/")["Location"] == "/"
    assert not logged_in_user(client).is_authenticated


def test_logout_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    client.force_login(create_member())
    assert client.post("/accounts/logout/").status_code == 403


def header(client, url="/"):
    html = client.get(url).content.decode()
    return html.split('<nav class="account-nav"')[1].split("</nav>")[0]


def test_anonymous_visitors_see_log_in_and_register(client):
    nav = header(client, "/search/?q=cctv")
    assert 'href="/accounts/login/?next=/search/%3Fq%3Dcctv"' in nav
    assert 'href="/accounts/register/"' in nav
    assert "Log out" not in nav
    assert 'href="/fr/accounts/register/"' in header(client, "/fr/")


def test_the_main_navigation_and_language_switcher_stay(client):
    html = client.get("/").content.decode()
    assert '<nav class="site-nav"' in html and '<nav class="language-nav"' in html


def test_error_pages_keep_the_account_links(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert 'href="/accounts/login/?next=/no-such-page/"' in header(client, "/no-such-page/")


def test_members_waiting_for_approval_see_no_member_links(client):
    # force_login skips the login form's check, as a session from before a refusal would.
    client.force_login(create_member(status=MemberProfile.Status.PENDING))
    nav = header(client)
    assert "Log out" in nav
    assert "Submit a case study" not in nav and "My case studies" not in nav


def test_approved_members_see_their_submission_links(member_client):
    try:
        submit_url, mine_url = reverse("submissions:submit"), reverse("submissions:my_case_studies")
    except NoReverseMatch:
        pytest.skip("the submission pages (helper B) are not routed yet")
    nav = header(member_client)
    assert f'<a href="{submit_url}">Submit a case study</a>' in nav
    assert f'<a href="{mine_url}">My case studies</a>' in nav
