"""E-mails to the member about their case study, rendered from templates in the member's
language and sent through accounts.emails (a mail server that refuses them is logged and
never undoes nor breaks the editor's action).

Editors are told of a new case study by Wagtail itself: the group-approval task e-mails
the members of its groups (Editors, Moderators) when a page enters it.
"""

from django.conf import settings
from django.urls import reverse

from accounts.emails import send_email_to


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_to_member(case_study, template, page=None, **context):
    """Returns False when the e-mail could not be sent (or the member has no address)."""
    member = case_study.owner
    if not member.email:
        return False

    def localised_context():
        # Evaluated in the member's language: the links lead to their language's pages.
        return {
            **context, "case_study": case_study, "member": member,
            "my_case_studies_url": _absolute(reverse("submissions:my_case_studies")),
            "edit_url": _absolute(case_study.get_edit_url()),
            "page_url": page.full_url if page is not None else "",
        }

    return send_email_to(template, member, localised_context, folder="submissions/emails")


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    """An editor asked for changes: the member gets the comment and a link to edit."""
    case_study = _case_study(instance)
    if case_study is not None:
        send_to_member(case_study, "changes_requested", comment=instance.current_task_state.comment, editor=user)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    case_study = _case_study(instance)
    if case_study is not None:
        send_to_member(case_study, "published", page=case_study.page.specific)


def _case_study(workflow_state):
    from .models import CaseStudy

    return CaseStudy.objects.filter(page_id=workflow_state.object_id).select_related("owner", "page").first()
