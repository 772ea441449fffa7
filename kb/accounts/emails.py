"""E-mails to members and editors, rendered from templates/accounts/emails/."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def send_email(name, to, context, language=None):
    """Send <name>_subject.txt and <name>_body.txt, rendered in the recipient's language."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"accounts/emails/{name}_subject.txt", context).split())
        body = render_to_string(f"accounts/emails/{name}_body.txt", context)
    EmailMessage(subject, body, to=[to]).send()
