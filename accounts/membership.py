"""What happens to a membership: registered, invited, approved, refused.

Each step is recorded in Wagtail's audit log (actions registered in wagtail_hooks.py) and
the people concerned are e-mailed.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.log_actions import log

from .emails import send_email
from .models import MemberProfile
from .roles import editors_to_notify, network_members_group


def site_url(request, profile, name, **kwargs):
    """An absolute link to a page of the site, in the member's language."""
    with translation.override(profile.language):
        return request.build_absolute_uri(reverse(name, kwargs=kwargs))


def admin_review_url(profile):
    # Like Wagtail's own notifications: admin links start with WAGTAILADMIN_BASE_URL.
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("members:review", args=[profile.pk])


def set_password_url(request, profile):
    """Django's password-reset link: the token expires (PASSWORD_RESET_TIMEOUT) and is
    spent once the password changes."""
    user = profile.user
    return site_url(
        request, profile, "accounts:password_reset_confirm",
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)), token=default_token_generator.make_token(user),
    )


def registered(profile):
    log(profile, "accounts.register", user=profile.user)
    context = {"profile": profile, "review_url": admin_review_url(profile)}
    # An editor not told still sees the registration in the admin's list of pending members.
    for editor in editors_to_notify():
        send_email("registration_received", editor.email, context)


def approve(request, profile, by):
    """Returns whether the member could be e-mailed."""
    with transaction.atomic():
        profile.status = MemberProfile.Status.APPROVED
        profile.decided_at, profile.decided_by = timezone.now(), by
        profile.save(update_fields=["status", "decided_at", "decided_by"])
        profile.user.groups.add(network_members_group())
        log(profile, "accounts.approve", user=by)
    return send_email(
        "membership_approved", profile.user.email,
        {"profile": profile, "login_url": site_url(request, profile, "accounts:login")}, profile.language,
    )


def refuse(request, profile, by, reason):
    """Returns whether the person could be e-mailed."""
    with transaction.atomic():
        profile.status = MemberProfile.Status.REFUSED
        profile.decided_at, profile.decided_by = timezone.now(), by
        profile.save(update_fields=["status", "decided_at", "decided_by"])
        log(profile, "accounts.refuse", user=by, data={"reason": reason})
    return send_email("membership_refused", profile.user.email, {"profile": profile, "reason": reason}, profile.language)


def invite(request, form, by):
    """Returns the new profile and whether the invitation could be e-mailed."""
    with transaction.atomic():
        profile = form.save(approved_by=by, decided_at=timezone.now())
        profile.user.groups.add(network_members_group())
        log(profile, "accounts.invite", user=by)
    sent = send_email(
        "invitation", profile.user.email,
        {"profile": profile, "invited_by": by, "set_password_url": set_password_url(request, profile),
         "reset_url": site_url(request, profile, "accounts:password_reset")},
        profile.language,
    )
    return profile, sent
