"""E-mails to members and editors, rendered from templates/accounts/emails/."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from .roles import member_profile

logger = logging.getLogger(__name__)


def language_of(user):
    """The language of the e-mails a person receives: a member's own, else the site's."""
    profile = member_profile(user)
    return profile.language if profile is not None else settings.LANGUAGE_CODE


def send_email(name, to, context, language=None, folder="accounts/emails"):
    """Send <folder>/<name>_subject.txt and <name>_body.txt, rendered in the recipient's
    language; `context` may be a callable, evaluated in that language (for page URLs).

    Returns False when the mail server refused it: the decision that caused the e-mail is
    already saved, so the caller says so instead of failing."""
    with translation.override(language or settings.LANGUAGE_CODE):
        if callable(context):
            context = context()
        subject = " ".join(render_to_string(f"{folder}/{name}_subject.txt", context).split())
        body = render_to_string(f"{folder}/{name}_body.txt", context)
    try:
        EmailMessage(subject, body, to=[to]).send()
    except (smtplib.SMTPException, OSError):
        logger.exception("The %s e-mail to %s could not be sent", name, to)
        return False
    return True


def send_email_to(name, user, context, folder):
    """send_email to a user, in their language (language_of)."""
    return send_email(name, user.email, context, language=language_of(user), folder=folder)
