"""What happens to an access request: asked (or asked again), granted, refused.

Each step goes into Wagtail's audit log on the practice page (actions registered in
wagtail_hooks.py), and the people concerned are e-mailed.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from practices.access import forget_clearance
from security.ratelimit import over_hourly_limit

from . import emails
from .deciders import deciders
from .models import AccessRequest

REQUEST_ACTION = "access_requests.request"
GRANT_ACTION = "access_requests.grant"
REFUSE_ACTION = "access_requests.refuse"

# Asking (or rewording a pending request) e-mails every decider: a few times an hour is
# plenty for a person, and stops a script from flooding the editors' mailboxes.
REQUESTS_PER_HOUR = 10


def over_limit(member):
    return over_hourly_limit(member, REQUEST_ACTION, REQUESTS_PER_HOUR, log_model=PageLogEntry)


def ask(page, member, reason):
    """Create the member's request for `page`, reopen it after a refusal, or reword it while
    it awaits a decision. Returns the request and whether it is new to the deciders
    (created or reopened): only then are they e-mailed."""
    with transaction.atomic():
        access_request, created = AccessRequest.objects.select_for_update().get_or_create(
            page=page, member=member, defaults={"reason": reason}
        )
        is_new = created or access_request.status != AccessRequest.Status.PENDING
        if not created:
            access_request.reason = reason
            if is_new:
                # Reopened: a fresh request, decided afresh (the earlier decision stays in the log).
                access_request.status = AccessRequest.Status.PENDING
                access_request.created_at = timezone.now()
                access_request.decided_at = access_request.decided_by = None
                access_request.decision_note = ""
            access_request.save()
        log(page, REQUEST_ACTION, user=member, data=_log_data(access_request, reason=reason))
    if is_new:
        emails.tell_deciders(access_request, deciders(access_request))
    return access_request, is_new


def grant(access_request, by, note=""):
    """Returns whether the member could be e-mailed."""
    return _decide(access_request, by, AccessRequest.Status.GRANTED, GRANT_ACTION, note)


def refuse(access_request, by, note=""):
    """Returns whether the member could be e-mailed."""
    return _decide(access_request, by, AccessRequest.Status.REFUSED, REFUSE_ACTION, note)


def _decide(access_request, by, status, action, note):
    with transaction.atomic():
        access_request.status = status
        access_request.decided_at, access_request.decided_by = timezone.now(), by
        access_request.decision_note = note
        access_request.save(update_fields=["status", "decided_at", "decided_by", "decision_note"])
        log(access_request.page, action, user=by, data=_log_data(access_request, note=note))
    forget_clearance(access_request.member)
    return emails.tell_member(access_request)


def _log_data(access_request, **extra):
    member = access_request.member
    return {"request": access_request.pk, "member": member.get_full_name() or member.get_username(), **extra}
