"""Submitting a case study: access, drafts, submission into the workflow, similar practices."""

import re

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from accounts.models import MemberProfile
from practices.models import Organisation, PracticeIndexPage, PracticePage
from submissions.models import CaseStudy
from submissions.workflow import WORKFLOW_NAME

from .conftest import valid_answers


def submit(client, data, url="/submit/"):
    return client.post(url, {**data, "submit": "1"})


def test_anonymous_visitor_is_sent_to_the_login_page(client, db):
    response = client.get("/submit/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=/submit/")
    assert client.get("/my/case-studies/").status_code == 302


def test_a_signed_in_user_who_is_not_an_approved_member_gets_a_clear_403(client, member):
    member.member_profile.status = MemberProfile.Status.PENDING
    member.member_profile.save()
    client.force_login(member)
    response = client.get("/submit/")
    assert response.status_code == 403
    assert "Only approved network members can submit case studies" in response.content.decode()
    assert client.post("/submit/", valid_answers()).status_code == 403
    assert not CaseStudy.objects.exists()


def test_the_form_has_the_sections_of_the_practice_entry(member_client):
    html = member_client.get("/submit/").content.decode()
    for legend in ("The case study", "Where", "Classification", "Partners and their roles", "The practice",
                   "Evidence, years and cost", "Legal and privacy notes", "Contacts", "Sources", "Images", "Documents"):
        assert f"<legend>{legend}</legend>" in html
    for name in ("summary", "further_cities", "themes", "topics", "target_types", "partner_1_role", "context",
                 "transferability", "evidence_level", "start_year", "cost_band", "legal_privacy_notes",
                 "contact_1_name", "source_1_url", "new_image_1", "new_document_1", "access_level", "language"):
        assert f'name="{name}"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_save_draft_keeps_an_unfinished_case_study(member_client, member):
    response = member_client.post("/submit/", {"title": "Half written", "context": "<p>So far</p>", "save_draft": "1"})
    case_study = CaseStudy.objects.get(owner=member)
    assert response.status_code == 302 and response["Location"] == case_study.get_edit_url()
    assert case_study.answers["title"] == "Half written"
    assert case_study.status == CaseStudy.Status.DRAFT and case_study.page is None
    html = member_client.get(case_study.get_edit_url()).content.decode()
    assert 'value="Half written"' in html and "So far" in html


def test_submit_creates_a_draft_practice_page_in_the_editorial_review_workflow(member_client, member, group_editor):
    mail.outbox.clear()
    response = submit(member_client, valid_answers())
    case_study = CaseStudy.objects.get(owner=member)
    assert response.status_code == 302
    assert response["Location"] == reverse("submissions:submitted", args=[case_study.pk])

    page = case_study.page.specific
    assert isinstance(page, PracticePage) and not page.live
    assert page.get_parent().specific_class is PracticeIndexPage
    revision = page.get_latest_revision_as_object()
    assert revision.title == "Shared radio network for the harbour promenade"
    assert sorted(t.name for t in revision.themes.all()) == ["prevention", "response"]
    assert [p.organisation.name for p in revision.partners.all()] == [
        "New York City Police Department", "Harbour Traders Association"]
    assert Organisation.objects.get(name="Harbour Traders Association").sector == "private"
    assert [(s.title, s.url) for s in revision.sources.all()] == [("Council report 2022", "https://example.org/report")]
    assert revision.submitted_by == member
    state = page.current_workflow_state
    assert state.workflow.name == WORKFLOW_NAME and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert case_study.status == CaseStudy.Status.IN_REVIEW
    # Wagtail's group-approval task e-mails the editors of its groups.
    assert any(group_editor.email in message.to for message in mail.outbox)
    assert not any(member.email in message.to for message in mail.outbox)


def test_a_submission_missing_required_answers_is_shown_again_with_messages(member_client, member):
    data = valid_answers(summary="", themes=[], source_1_url="")
    response = submit(member_client, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_summary_error"' in html and 'id="id_themes_error"' in html
    assert "Give the address of this source." in html
    assert re.search(r'<textarea[^>]*aria-describedby="[^"]*id_summary_error', html)
    assert not PracticePage.objects.filter(title=data["title"]).exists()


def test_end_year_before_start_year_is_refused(member_client):
    response = submit(member_client, valid_answers(start_year="2022", end_year="2020"))
    assert "The end year cannot be before the start year." in response.content.decode()


def test_a_case_study_in_review_cannot_be_changed_by_its_member(member_client, member):
    submit(member_client, valid_answers())
    case_study = CaseStudy.objects.get(owner=member)
    response = member_client.post(case_study.get_edit_url(), {**valid_answers(title="Changed"), "submit": "1"})
    assert response.status_code == 302 and response["Location"] == reverse("submissions:my_case_studies")
    assert case_study.page.specific.get_latest_revision_as_object().title != "Changed"


def test_only_the_owner_opens_a_case_study(member_client, member, other_client):
    member_client.post("/submit/", {"title": "Mine", "save_draft": "1"})
    case_study = CaseStudy.objects.get(owner=member)
    assert other_client.get(case_study.get_edit_url()).status_code == 404
    assert other_client.post(case_study.get_edit_url(), {"title": "Theirs", "save_draft": "1"}).status_code == 404


def test_after_submitting_the_member_sees_up_to_five_similar_practices(member_client, member):
    response = submit(member_client, valid_answers(
        title="Shopkeepers and police share a radio alert network",
        summary="Businesses, private security and police share alerts about threats in crowded streets.",
    ))
    page = member_client.get(response["Location"])
    similar = page.context["similar"]
    assert 0 < len(similar) <= 5
    own = CaseStudy.objects.get(owner=member).page_id
    assert own not in [hit.practice_id for hit in similar]
    assert similar[0].title in page.content.decode()


def test_the_workflow_is_created_by_a_migration_for_editors_and_moderators(db):
    from wagtail.models import Workflow

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    task = workflow.tasks.get().specific
    assert set(task.groups.values_list("name", flat=True)) == {"Editors", "Moderators"}
    assert Group.objects.filter(name="Editors").exists()
