"""Reviewing: editors request changes, approve or reject; the member follows it all."""

import re

from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from submissions.models import CaseStudy

from .conftest import valid_answers


def submitted_case_study(client, member, **overrides):
    client.post("/submit/", {**valid_answers(**overrides), "submit": "1"})
    return CaseStudy.objects.get(owner=member)


def workflow_action(reviewer_client, page, action, comment=""):
    state = page.current_workflow_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.current_task_state.pk])
    return reviewer_client.post(url, {"comment": comment} if comment else {})


def test_request_changes_emails_the_member_who_edits_and_resubmits(member_client, member, reviewer_client, editor):
    case_study = submitted_case_study(member_client, member)
    page = case_study.page.specific
    mail.outbox.clear()

    response = workflow_action(reviewer_client, page, "reject", comment="Please add the cost of the radios.")
    assert response.status_code in (200, 302)
    assert case_study.status == CaseStudy.Status.CHANGES_REQUESTED
    [message] = [m for m in mail.outbox if member.email in m.to]
    assert "Please add the cost of the radios." in message.body
    assert case_study.get_edit_url() in message.body

    listing = member_client.get("/my/case-studies/").content.decode()
    assert "Changes requested" in listing and "Please add the cost of the radios." in listing

    response = member_client.post(case_study.get_edit_url(), {**valid_answers(cost_band="50k-250k"), "submit": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert case_study.status == CaseStudy.Status.IN_REVIEW
    assert page.get_latest_revision_as_object().cost_band == "50k-250k"

    mail.outbox.clear()
    workflow_action(reviewer_client, page, "approve")
    page.refresh_from_db()
    assert page.live and page.cost_band == "50k-250k"
    assert case_study.status == CaseStudy.Status.PUBLISHED
    assert any(member.email in m.to and page.full_url in m.body for m in mail.outbox)
    listing = member_client.get("/my/case-studies/").content.decode()
    assert "Published" in listing and f'href="{page.url}"' in listing


def test_reject_with_a_reason_ends_the_review_and_tells_the_member(member_client, member, reviewer_client, editor):
    case_study = submitted_case_study(member_client, member)
    page = case_study.page
    edit_html = reviewer_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    reject_url = reverse("submissions_reject", args=[case_study.pk])
    assert reject_url in edit_html  # the action is in the page editor's menu

    assert reviewer_client.post(reject_url, {"reason": ""}).status_code == 200  # a reason is required
    mail.outbox.clear()
    response = reviewer_client.post(reject_url, {"reason": "This describes a product, not a partnership."})
    assert response.status_code == 302
    case_study.refresh_from_db()
    assert case_study.status == CaseStudy.Status.REJECTED
    assert page.specific.current_workflow_state is None and not page.specific.live
    [message] = [m for m in mail.outbox if member.email in m.to]
    assert "This describes a product, not a partnership." in message.body
    listing = member_client.get("/my/case-studies/").content.decode()
    assert "Rejected" in listing and "This describes a product, not a partnership." in listing
    assert member_client.get(case_study.get_edit_url()).status_code == 302  # no more changes


def test_only_an_editor_who_may_publish_can_reject(member_client, member):
    case_study = submitted_case_study(member_client, member)
    url = reverse("submissions_reject", args=[case_study.pk])
    assert member_client.post(url, {"reason": "no"}).status_code in (302, 403)  # members have no admin
    case_study.refresh_from_db()
    assert case_study.status == CaseStudy.Status.IN_REVIEW


def test_every_action_is_in_the_audit_log(member_client, member, reviewer_client, editor):
    member_client.post("/submit/", {"title": "Draft first", "save_draft": "1"})
    case_study = CaseStudy.objects.get(owner=member)
    member_client.post(case_study.get_edit_url(), {**valid_answers(), "submit": "1"})
    case_study.refresh_from_db()
    page = case_study.page
    workflow_action(reviewer_client, page.specific, "reject", comment="More detail, please.")
    member_client.post(case_study.get_edit_url(), {**valid_answers(), "submit": "1"})
    reviewer_client.post(reverse("submissions_reject", args=[case_study.pk]), {"reason": "Duplicate."})

    case_study_actions = list(ModelLogEntry.objects.for_instance(case_study).order_by("timestamp", "pk")
                              .values_list("action", "user_id"))
    assert case_study_actions == [("submissions.save_draft", member.pk), ("submissions.submit", member.pk),
                                  ("submissions.submit", member.pk)]
    page_actions = list(PageLogEntry.objects.filter(page=page).values_list("action", "user_id"))
    for entry in [("wagtail.workflow.start", member.pk), ("wagtail.workflow.reject", editor.pk),
                  ("wagtail.workflow.resume", member.pk), ("wagtail.workflow.cancel", editor.pk),
                  ("submissions.reject", editor.pk)]:
        assert entry in page_actions
    history = reviewer_client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Case study rejected" in history


def test_my_case_studies_lists_only_the_members_own(member_client, member, other_client):
    member_client.post("/submit/", {"title": "My own draft", "save_draft": "1"})
    assert "My own draft" not in other_client.get("/my/case-studies/").content.decode()
    html = member_client.get("/my/case-studies/").content.decode()
    assert "My own draft" in html and re.search(r"Status:.*Draft", html, re.S)


def test_case_study_emails_are_in_the_members_language(member_client, member, reviewer_client, editor):
    member.member_profile.language = "fr"
    member.member_profile.save()
    case_study = submitted_case_study(member_client, member)
    page = case_study.page.specific
    mail.outbox.clear()
    workflow_action(reviewer_client, page, "reject", comment="Ajoutez le coût des radios.")
    [message] = [m for m in mail.outbox if member.email in m.to]
    assert message.subject == f"Modifications demandées : {case_study.title}"
    assert "Leur commentaire :" in message.body and "Ajoutez le coût des radios." in message.body

    member_client.post(case_study.get_edit_url(), {**valid_answers(), "submit": "1"})
    mail.outbox.clear()
    workflow_action(reviewer_client, page, "approve")
    [message] = [m for m in mail.outbox if member.email in m.to]
    assert message.subject == f"Publiée : {case_study.title}"


def test_a_mail_server_that_refuses_never_breaks_nor_undoes_the_editors_action(
    member_client, member, reviewer_client, editor, settings
):
    member_client.post("/submit/", {**valid_answers(title="A second case study on radios"), "submit": "1"})
    member_client.post("/submit/", {**valid_answers(), "submit": "1"})
    second, first = CaseStudy.objects.filter(owner=member).order_by("pk")
    settings.EMAIL_BACKEND = "tests.helpers.MailServerDown"

    response = workflow_action(reviewer_client, first.page.specific, "reject", comment="Add the cost.")
    assert response.status_code in (200, 302)
    first.refresh_from_db()
    assert first.status == CaseStudy.Status.CHANGES_REQUESTED
    assert "Add the cost." in member_client.get("/my/case-studies/").content.decode()

    response = reviewer_client.post(reverse("submissions_reject", args=[second.pk]), {"reason": "Duplicate."}, follow=True)
    assert response.status_code == 200
    second.refresh_from_db()
    assert second.status == CaseStudy.Status.REJECTED
    assert "could not be sent" in response.content.decode()


def test_a_resubmission_keeps_what_editors_changed_in_the_draft(member_client, member, reviewer_client, editor):
    case_study = submitted_case_study(member_client, member)
    page = case_study.page.specific
    workflow_action(reviewer_client, page, "reject", comment="Please add the cost.")
    # Between "changes requested" and the resubmission an editor edits the draft: a field
    # of the member's form (the summary) and one the form does not have (featured).
    draft = page.get_latest_revision_as_object()
    draft.summary = "A summary the editor rewrote."
    draft.featured = True
    draft.save_revision(user=editor)

    member_client.post(case_study.get_edit_url(), {**valid_answers(cost_band="50k-250k"), "submit": "1"})
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert latest.cost_band == "50k-250k"  # what the member changed
    assert latest.summary == "A summary the editor rewrote."  # what the editor changed, and the member did not
    assert latest.featured is True


def test_a_field_the_member_changes_again_takes_the_members_new_answer(member_client, member, reviewer_client, editor):
    case_study = submitted_case_study(member_client, member)
    page = case_study.page.specific
    workflow_action(reviewer_client, page, "reject", comment="Shorter summary, please.")
    draft = page.get_latest_revision_as_object()
    draft.summary = "The editor's attempt."
    draft.save_revision(user=editor)
    member_client.post(case_study.get_edit_url(), {**valid_answers(summary="The member's own shorter summary."), "submit": "1"})
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary == "The member's own shorter summary."
