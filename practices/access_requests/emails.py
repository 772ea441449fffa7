"""E-mails about access requests, rendered from templates/access_requests/emails/ in the
recipient's language (the pattern of kb/accounts/emails.py)."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kb.accounts.roles import member_profile

logger = logging.getLogger(__name__)


def language_of(user):
    profile = member_profile(user)
    return profile.language if profile is not None else settings.LANGUAGE_CODE


def send_email(name, user, context):
    """Returns False when the mail server refused it: the change that caused the e-mail is
    already saved, so the caller says so instead of failing."""
    with translation.override(language_of(user)):
        context = {**context, "recipient": user, "page_url": context["access_request"].page.get_full_url()}
        subject = " ".join(render_to_string(f"access_requests/emails/{name}_subject.txt", context).split())
        body = render_to_string(f"access_requests/emails/{name}_body.txt", context)
    try:
        EmailMessage(subject, body, to=[user.email]).send()
    except (smtplib.SMTPException, OSError):
        logger.exception("The %s e-mail to %s could not be sent", name, user.email)
        return False
    return True


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
