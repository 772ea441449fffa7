"""In chromium: a person registers, waits, is approved by an editor from the e-mail's link,
then logs in and out; the header works at phone width."""

import re

import pytest
from django.core import mail

from .conftest import ARTEFACTS, fill_registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Names of this test's own: no other test can have left them behind.
EDITOR = "edith-registration"
MEMBER_EMAIL = "lea-registration@example.org"

PASSWORD = "Harbour-lights-2026"


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_register_wait_for_approval_then_log_in(demo_content, live_server, page, settings, django_user_model):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    django_user_model.objects.create_superuser(EDITOR, f"{EDITOR}@example.org", "Edith-password-2026", first_name="Edith")

    # A visitor on a phone finds "Register" in the header.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/")
    header = page.get_by_role("navigation", name="Your account")
    assert header.get_by_role("link", name="Log in").is_visible()
    assert no_horizontal_scroll(page)
    header.get_by_role("link", name="Register").click()

    fill_registration(page, MEMBER_EMAIL, PASSWORD, confirmation="not the same")
    page.get_by_role("button", name="Register").click()
    # The mismatch is explained; what was typed is still there.
    assert page.get_by_text("The two password fields didn’t match.").is_visible()
    assert page.get_by_label("Last name").input_value() == "Dubois"
    assert page.get_by_label("Member organisation").input_value() == "city:amsterdam"
    assert no_horizontal_scroll(page)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Register").click()
    page.wait_for_url("**/accounts/register/done/")
    assert page.get_by_role("heading", name="Registration received").is_visible()

    # Before approval, logging in explains the wait.
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("E-mail address").fill(MEMBER_EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    assert page.get_by_role("alert").inner_text().startswith("Your membership is awaiting approval.")
    page.screenshot(path=str(ARTEFACTS / "login-pending-phone.png"), full_page=True)

    # The editor follows the link of the e-mail, logs in and approves.
    [notice] = [message for message in mail.outbox if message.to == [f"{EDITOR}@example.org"]]
    review_url = re.search(r"http://\S+/admin/members/review/\d+/", notice.body).group(0)
    editor = page.context.browser.new_page()
    editor.goto(review_url)
    editor.get_by_label("Username").fill(EDITOR)
    editor.get_by_label("Password").fill("Edith-password-2026")
    editor.get_by_role("button", name="Sign in").click()
    editor.get_by_role("button", name="Approve the membership").click()
    editor.wait_for_url("**/admin/members/")
    assert "Léa Dubois (Amsterdam (NL)) is now a network member." in editor.content()
    editor.close()
    assert "/accounts/login/" in mail.outbox[-1].body and mail.outbox[-1].to == [MEMBER_EMAIL]

    # The member logs in and finds the member links; logging out is a button.
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    page.wait_for_url(live_server.url + "/")
    header = page.get_by_role("navigation", name="Your account")
    assert header.get_by_text("Léa Dubois").is_visible()
    assert header.get_by_role("link", name="Submit a case study").is_visible()
    assert header.get_by_role("link", name="My case studies").is_visible()
    assert no_horizontal_scroll(page)
    page.screenshot(path=str(ARTEFACTS / "header-member-phone.png"))
    header.get_by_role("button", name="Log out").click()
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_role("navigation", name="Your account").get_by_role("link", name="Log in").is_visible()
