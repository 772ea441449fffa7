"""In chromium, end to end: a member registers and is approved, submits a case study with
an image, the editor requests changes, the member resubmits, the editor approves, and the
practice is found by the public search."""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from PIL import Image

from submissions.models import CaseStudy
from .conftest import ARTEFACTS, fill_registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Names of this test's own: no other test can have left them behind.
EDITOR = "edith-submission"
MEMBER_EMAIL = "lea-submission@example.org"

PASSWORD = "Harbour-lights-2026"
EDITOR_PASSWORD = "Edith-password-2026"
TITLE = "Zebrafish quay radio alert network"


def photo():
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), (20, 90, 160)).save(buffer, "JPEG")
    return {"name": "quay.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def editor_page(page, url):
    editor = page.context.browser.new_page()
    editor.set_default_timeout(15_000)
    editor.goto(url)
    if "/login/" in editor.url:
        editor.get_by_label("Username").fill(EDITOR)
        editor.get_by_label("Password").fill(EDITOR_PASSWORD)
        editor.get_by_role("button", name="Sign in").click()
    return editor


def status_of(case_study):
    return CaseStudy.objects.get(pk=case_study.pk).status


def workflow_action(editor, live_server, page_id, label, comment=None):
    editor.goto(f"{live_server.url}/admin/pages/{page_id}/edit/")
    button = editor.locator("button[data-workflow-action-name]", has_text=re.compile(f"^\\s*{label}\\s*$"))
    if not button.is_visible():
        editor.get_by_role("button", name="More actions").last.click()
    button.click()
    if comment is not None:
        modal_form = editor.locator("form[action*='/workflow/collect_action_data/']")
        modal_form.locator("textarea[name='comment']").fill(comment)
        modal_form.get_by_role("button", name=label).click()
    # Done when the admin goes back to the listing of the parent page (the test then reads
    # the database, which the server has finished writing).
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/$"))


def test_member_submits_editor_requests_changes_then_publishes(demo_content, live_server, page, settings,
                                                              django_user_model):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    django_user_model.objects.create_superuser(EDITOR, f"{EDITOR}@example.org", EDITOR_PASSWORD, first_name="Edith")

    # Registration, approved by the editor from the e-mail's link.
    page.goto(live_server.url + "/accounts/register/")
    fill_registration(page, MEMBER_EMAIL, PASSWORD)
    page.get_by_role("button", name="Register").click()
    page.wait_for_url("**/accounts/register/done/")
    [notice] = [message for message in mail.outbox if message.to == [f"{EDITOR}@example.org"]]
    editor = editor_page(page, re.search(r"http://\S+/admin/members/review/\d+/", notice.body).group(0))
    editor.get_by_role("button", name="Approve the membership").click()
    editor.wait_for_url("**/admin/members/")

    # The member logs in and submits a case study with a photo.
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("E-mail address").fill(MEMBER_EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    page.wait_for_url(live_server.url + "/")
    page.get_by_role("navigation", name="Your account").get_by_role("link", name="Submit a case study").click()
    page.fill("[name=title]", TITLE)
    page.fill("[name=summary]", "Shops and police along the quay share one radio channel during events.")
    page.get_by_label("City", exact=True).select_option(label="Amsterdam (NL)")
    page.get_by_label("Prevention").check()
    page.fill("[name=partner_1_organisation]", "Harbour Traders of the Quay")
    page.select_option("[name=partner_1_sector]", "private")
    page.fill("[name=partner_1_role]", "Brings the shops in and runs the rota.")
    page.fill("[name=context]", "<p>The quay is crowded on summer evenings.</p>")
    page.fill("[name=objectives]", "<p>Warn everyone within a minute.</p>")
    page.fill("[name=implementation]", "<p>Radios for <strong>120</strong> shops.</p>")
    page.fill("[name=source_1_title]", "Council report")
    page.fill("[name=source_1_url]", "https://example.org/quay")
    page.set_input_files("[name=new_image_1]", photo())
    page.fill("[name=new_image_1_alt]", "A shopkeeper holding a radio on the quay")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_url("**/submitted/")
    assert page.get_by_role("heading", name="Case study submitted").is_visible()
    case_study = CaseStudy.objects.get(owner__email=MEMBER_EMAIL)
    assert case_study.images.count() == 1
    page_id = case_study.page_id

    # The editor asks for changes; the member reads the comment, edits and resubmits.
    workflow_action(editor, live_server, page_id, "Request changes", comment="Please add the start year.")
    assert status_of(case_study) == CaseStudy.Status.CHANGES_REQUESTED
    assert any("Please add the start year." in m.body for m in mail.outbox if m.to == [MEMBER_EMAIL])
    page.goto(live_server.url + "/my/case-studies/")
    assert page.get_by_text("Please add the start year.").is_visible()
    page.get_by_role("link", name="Edit").click()
    assert page.locator("[name=title]").input_value() == TITLE
    page.fill("[name=start_year]", "2022")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_url("**/submitted/")
    assert status_of(case_study) == CaseStudy.Status.IN_REVIEW

    # The editor approves: the practice is published and, once the queue has run, found.
    workflow_action(editor, live_server, page_id, "Approve and Publish")
    assert status_of(case_study) == CaseStudy.Status.PUBLISHED
    call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)
    page.goto(live_server.url + "/search/?q=zebrafish")
    page.get_by_role("link", name=TITLE).click()
    assert page.get_by_role("img", name="A shopkeeper holding a radio on the quay").is_visible()
    page.screenshot(path=str(ARTEFACTS / "submitted-practice.png"), full_page=True)
    editor.close()
