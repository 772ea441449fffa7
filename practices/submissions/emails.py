"""E-mails to the member about their case study, rendered from templates.

Editors are told of a new case study by Wagtail itself: the group-approval task e-mails
the members of its groups (Editors, Moderators) when a page enters it.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_to_member(case_study, template, **context):
    member = case_study.owner
    if not member.email:
        return
    context.update(
        case_study=case_study, member=member,
        my_case_studies_url=_absolute(reverse("submissions:my_case_studies")),
        edit_url=_absolute(case_study.get_edit_url()),
    )
    subject = " ".join(render_to_string(f"submissions/emails/{template}_subject.txt", context).split())
    body = render_to_string(f"submissions/emails/{template}.txt", context)
    send_mail(subject, body, None, [member.email])


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    """An editor asked for changes: the member gets the comment and a link to edit."""
    case_study = _case_study(instance)
    if case_study is not None:
        send_to_member(case_study, "changes_requested", comment=instance.current_task_state.comment, editor=user)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    case_study = _case_study(instance)
    if case_study is not None:
        page = case_study.page.specific
        send_to_member(case_study, "published", page_url=page.full_url)


def _case_study(workflow_state):
    from .models import CaseStudy

    return CaseStudy.objects.filter(page_id=workflow_state.object_id).select_related("owner", "page").first()
