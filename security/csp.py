"""The Content-Security-Policy, on top of django-csp.

The policy in settings (CONTENT_SECURITY_POLICY) is strict: scripts and styles only from
this site's own files. Two places need more, each as little as possible:

- Wagtail's admin writes a few inline scripts (chooser widgets, date pickers, inline
  panels). They get the request's nonce, and only they: nothing else in a response is
  blessed, so an injected <script> is still refused. The admin also sets style=""
  attributes and inserts <style> elements from its JavaScript bundles, so its policy
  allows inline styles (never inline scripts).
- The preview panel frames the page preview from the same origin: a response that Wagtail
  marks "X-Frame-Options: SAMEORIGIN" may be framed by this site (frame-ancestors 'self');
  every other response may not be framed at all.
"""

import contextvars

from csp.constants import HEADER, HEADER_REPORT_ONLY, NONCE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.urls import reverse
from django.utils.html import format_html

current_request = contextvars.ContextVar("current_request", default=None)


def admin_prefix():
    return reverse("wagtailadmin_home")


class SiteCSPMiddleware(CSPMiddleware):
    def process_request(self, request):
        super().process_request(request)
        # Widgets render without the request: they find its nonce here (csp_nonce_attribute).
        request._kb_request_token = current_request.set(request)

    def process_response(self, request, response):
        response = super().process_response(request, response)
        token = getattr(request, "_kb_request_token", None)
        if token is not None:
            current_request.reset(token)
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            # The preview renders the page through the whole middleware chain first, so the
            # page's own policy is already there: only its frame-ancestors changes.
            for header in (HEADER, HEADER_REPORT_ONLY):
                if header in response:
                    response[header] = with_directive(response[header], "frame-ancestors", SELF)
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        replace = dict(parts.replace or {})
        if request.path_info.startswith(admin_prefix()):
            directives = policy_directives(report_only)
            replace["script-src"] = [*directives.get("script-src", [SELF]), NONCE]
            replace["style-src"] = [*directives.get("style-src", [SELF]), UNSAFE_INLINE]
        parts.replace = replace or None
        return parts


def with_directive(policy, name, value):
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    kept = [part for part in directives if part.split()[0].lower() != name]
    return "; ".join([*kept, f"{name} {value}"])


def policy_directives(report_only=False):
    from django.conf import settings

    name = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
    return (getattr(settings, name, None) or {}).get("DIRECTIVES", {})


def request_nonce():
    """The nonce of the request being answered, or "" outside a request."""
    request = current_request.get()
    nonce = getattr(request, "csp_nonce", None)
    return str(nonce) if nonce is not None else ""


def nonce_attribute():
    nonce = request_nonce()
    return format_html(' nonce="{}"', nonce) if nonce else ""


def give_wagtail_chooser_scripts_a_nonce():
    """Wagtail's chooser widgets (page, snippet, document, image, task...) end their HTML with
    one inline <script> that starts the chooser: give that one script the nonce."""
    from django.utils.safestring import mark_safe
    from wagtail.admin.widgets.chooser import BaseChooser

    if getattr(BaseChooser.render, "gives_nonce", False):
        return
    render = BaseChooser.render

    def render_with_nonce(self, name, value, attrs=None, renderer=None):
        html = str(render(self, name, value, attrs=attrs, renderer=renderer))
        opening = html.rfind("<script>")
        if opening == -1 or not html.endswith("</script>"):
            return mark_safe(html)  # noqa: S308 - Wagtail's own output, unchanged
        return mark_safe(f"{html[:opening]}<script{nonce_attribute()}>{html[opening + len('<script>'):]}")  # noqa: S308

    render_with_nonce.gives_nonce = True
    BaseChooser.render = render_with_nonce
