"""In chromium: the site's pages and Wagtail's admin (dashboard, page editor with an added
inline form, a chooser and the preview panel) run under the Content-Security-Policy with
no violation reported."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Names of this test's own: no other test can have left them behind.
EDITOR = "edith-csp"

EDITOR_PASSWORD = "Edith-password-2026"

# Runs in every page and frame before the page's own scripts.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI} `
                            + `at ${event.sourceFile}:${event.lineNumber} on ${document.location.pathname}`);
});
"""


def test_pages_and_the_admin_meet_the_content_security_policy(demo_content, live_server, page, django_user_model):
    from practices.models import PracticePage

    django_user_model.objects.create_superuser(EDITOR, f"{EDITOR}@example.org", EDITOR_PASSWORD, first_name="Edith")
    practice = PracticePage.objects.live().filter(access_level="public").order_by("pk").first()
    violations = []
    page.expose_function("reportCspViolation", lambda text: violations.append(text))
    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)

    def visit(path):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")

    visit("/")
    visit(practice.url)
    visit("/search/?q=cctv")

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(EDITOR)
    page.get_by_label("Password").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/admin/")
    visit("/admin/")

    visit(f"/admin/pages/{practice.pk}/edit/")
    # An inline form added by the page's JavaScript runs its chooser script (with the nonce).
    partners = page.locator("[id^=id_partners-][id$=-organisation-chooser]")
    before = partners.count()
    page.locator("#id_partners-ADD").click()
    assert partners.count() == before + 1
    partners.last.locator(".unchosen button").click()
    page.locator(".modal a[data-chooser-modal-choice]").first.click()
    page.locator(".modal").wait_for(state="hidden")
    assert partners.last.locator("[data-chooser-title]").inner_text().strip()
    # The preview panel frames the page from the same origin.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe[title], .preview-panel iframe").first
    preview.get_by_role("heading", name=practice.title).wait_for()
    page.wait_for_timeout(500)

    assert violations == []
