"""E-mails about access requests, rendered from templates/access_requests/emails/ in the
recipient's language (the pattern of accounts/emails.py)."""

from django.conf import settings
from django.urls import reverse

from accounts.emails import send_email_to


def send_email(name, user, context):
    """Returns False when the mail server refused it (see accounts.emails.send_email)."""

    def localised_context():
        # The entry in the recipient's language where it has a version in it.
        page_url = context["access_request"].page.localized.get_full_url()
        return {**context, "recipient": user, "page_url": page_url}

    return send_email_to(name, user, localised_context, folder="access_requests/emails")


def decision_url(access_request):
    # Like Wagtail's own notifications: admin links start with WAGTAILADMIN_BASE_URL.
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("access_requests_admin:decide", args=[access_request.pk])


def tell_deciders(access_request, deciders):
    # A decider not told still sees the request in the admin's listing.
    context = {"access_request": access_request, "decision_url": decision_url(access_request)}
    for user in deciders:
        send_email("request_received", user, context)


def tell_member(access_request):
    name = "request_granted" if access_request.status == access_request.Status.GRANTED else "request_refused"
    return send_email(name, access_request.member, {"access_request": access_request})
