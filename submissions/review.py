"""From a member's answers to a draft PracticePage in the "Editorial review" workflow, and
the editors' rejection, which Wagtail's group-approval task does not have."""

import json

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from accounts.roles import member_profile
from practices.blocks import SECTION_CHOICES, without_block_ids
from practices.models import City, Organisation, PracticeIndexPage, PracticePage, PracticePartner, PracticeSource
from practices.models.vocabulary import AccessLevel

from .forms import CONTACT_ROWS, PARTNER_ROWS, SOURCE_ROWS
from .workflow import ensure_editorial_review

# Sections that carry the member's images and documents.
MEDIA_SECTION = "implementation"


def _organisation(answers, i):
    """The partner organisation of row i, found by name; a name not known yet becomes a
    new Organisation with the sector the member gave, which editors see (and can merge)
    under Cities and partners."""
    name = answers.get(f"partner_{i}_organisation")
    if not name:
        return None
    existing = Organisation.objects.filter(name__iexact=name).order_by("pk").first()
    if existing:
        return existing
    base = slugify(name)[:100] or "organisation"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Organisation.objects.create(name=name, slug=slug, sector=answers[f"partner_{i}_sector"])


def _body(case_study):
    answers = case_study.answers
    sections = []
    for kind, _label in SECTION_CHOICES:
        content = [{"type": "paragraph", "value": answers[kind]}] if answers.get(kind) else []
        if kind == MEDIA_SECTION:
            content += [
                {"type": "figure", "value": {"image": a.image_id, "alt_text": a.alt_text, "caption": a.caption, "credit": ""}}
                for a in case_study.images.all()
            ]
            content += [
                {"type": "document", "value": {"document": a.document_id, "description": a.description}}
                for a in case_study.documents.all()
            ]
        if content:
            sections.append({"type": "section", "value": {"kind": kind, "content": content}})
    return json.dumps(sections)


def _contacts(answers):
    contacts = []
    for i in range(1, CONTACT_ROWS + 1):
        if answers.get(f"contact_{i}_name"):
            value = {name: answers.get(f"contact_{i}_{name}") or "" for name in ("name", "role", "organisation", "email", "phone")}
            contacts.append({"type": "contact", "value": value})
    return json.dumps(contacts)


def fill_page(page, case_study):
    """Copy the (complete, validated) answers onto the page, relations included."""
    answers = case_study.answers
    page.title = answers["title"]
    page.summary = answers["summary"]
    page.city = City.objects.get(pk=answers["city"])
    page.further_cities = list(City.objects.filter(pk__in=answers.get("further_cities") or []))
    page.themes.set(answers["themes"])
    page.topics.set(answers.get("topics") or [])
    page.target_types = answers.get("target_types") or []
    page.partnership_models = answers.get("partnership_models") or []
    page.body = _body(case_study)
    for name in ("evidence_level", "start_year", "end_year", "funding_public_share", "access_level", "language"):
        setattr(page, name, answers.get(name))
    for name in ("status", "cost_band", "legal_privacy_notes", "commercial_interest_details"):
        setattr(page, name, answers.get(name) or "")
    page.commercial_interest = answers.get("commercial_interest")
    page.contacts = _contacts(answers)
    page.submitted_by = case_study.owner
    _default_audience(page, case_study.owner)
    partners = []
    for i in range(1, PARTNER_ROWS + 1):
        organisation = _organisation(answers, i)
        if organisation and answers.get(f"partner_{i}_role"):
            partners.append(PracticePartner(organisation=organisation, role=answers[f"partner_{i}_role"], sort_order=len(partners)))
    page.partners = partners
    page.sources = [
        PracticeSource(title=answers[f"source_{i}_title"], url=answers[f"source_{i}_url"], sort_order=i)
        for i in range(1, SOURCE_ROWS + 1)
        if answers.get(f"source_{i}_title") and answers.get(f"source_{i}_url")
    ]


# What fill_page sets from the member's answers, each compared and carried as one value.
MEMBER_FIELDS = (
    "title", "summary", "city", "further_cities", "themes", "topics", "target_types", "partnership_models", "body",
    "evidence_level", "start_year", "end_year", "funding_public_share", "access_level", "language", "status",
    "cost_band", "legal_privacy_notes", "commercial_interest", "commercial_interest_details", "contacts",
    "partners", "sources",
)


def _field_state(page, name):
    """A comparable value of one member field of a page (or of a revision's page object)."""
    if name == "city":
        return page.city_id
    if name == "further_cities":
        return sorted(city.pk for city in page.further_cities.all())
    if name in ("themes", "topics"):
        return sorted(tag.name for tag in getattr(page, name).all())
    if name == "partners":
        return [(partner.organisation_id, partner.role) for partner in page.partners.all()]
    if name == "sources":
        return [(source.title, source.url) for source in page.sources.all()]
    if name in ("body", "contacts"):
        return without_block_ids(list(getattr(page, name).raw_data))
    return getattr(page, name)


def _copy_field(source, target, name):
    if name == "city":
        target.city_id = source.city_id
    elif name in ("themes", "topics"):
        getattr(target, name).set([tag.name for tag in getattr(source, name).all()])
    elif name == "further_cities":
        target.further_cities = list(source.further_cities.all())
    elif name == "partners":
        target.partners = [PracticePartner(organisation_id=p.organisation_id, role=p.role, sort_order=p.sort_order)
                           for p in source.partners.all()]
    elif name == "sources":
        target.sources = [PracticeSource(title=s.title, url=s.url, sort_order=s.sort_order) for s in source.sources.all()]
    else:
        setattr(target, name, getattr(source, name))


def merged_resubmission(page, case_study):
    """The draft to review again after changes were requested: the latest revision, with
    editors' edits since the member's last submission kept, and each field the member
    changed since that submission taken from the member's new answers. (Starting from the
    page's database row, as before, lost whatever editors had changed in the draft.)"""
    member = case_study.owner
    draft = page.get_latest_revision_as_object()
    last_submitted = page.revisions.filter(user=member).order_by("-created_at", "-pk").first()
    base = last_submitted.as_object() if last_submitted else draft
    mine = page.get_latest_revision_as_object()
    fill_page(mine, case_study)
    for name in MEMBER_FIELDS:
        if _field_state(mine, name) != _field_state(base, name):
            _copy_field(mine, draft, name)
    draft.submitted_by = member
    _default_audience(draft, member)
    return draft


def _default_audience(page, member):
    """The submitter's organisation owns the entry (its editors decide access requests) and,
    for a restricted entry that names nobody yet, may read it. Editors can change both."""
    profile = member_profile(member)
    organisation = profile.organisation if profile else None
    if organisation is None:
        return
    if page.owner_organisation_id is None:
        page.owner_organisation = organisation
    if page.access_level == AccessLevel.RESTRICTED and not list(page.restricted_organisations.all()):
        page.restricted_organisations = [organisation]


@transaction.atomic
def submit_for_review(case_study):
    """Create or update the draft page with a new revision and put it in the workflow."""
    member = case_study.owner
    workflow = ensure_editorial_review()
    # The member follows the review on the site; Wagtail's own notices link to the admin,
    # which members cannot open, so ours (emails.py) replace them.
    UserProfile.objects.filter(pk=UserProfile.get_for_user(member).pk).update(
        approved_notifications=False, rejected_notifications=False, submitted_notifications=False,
        updated_comments_notifications=False,
    )
    if case_study.page:
        page = merged_resubmission(case_study.page.specific, case_study)
    else:
        page = PracticePage(live=False)
        fill_page(page, case_study)
    if page.pk is None:
        index = PracticeIndexPage.in_language(page.language)
        page.slug = find_available_slug(index, slugify(page.title)[:80] or "case-study")
        page.owner = member
        index.add_child(instance=page)
        case_study.page = page
        case_study.save(update_fields=["page", "updated_at"])
    page.save_revision(user=member, log_action=True)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=member)
    elif state is None:
        workflow.start(page, member)
    log(instance=case_study, action="submissions.submit", user=member)
    return page


@transaction.atomic
def reject(case_study, editor, reason):
    """End the review: the workflow is cancelled and the case study marked rejected."""
    page = case_study.page.specific
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=editor)
    case_study.rejected_at = timezone.now()
    case_study.rejected_by = editor
    case_study.rejection_reason = reason
    case_study.save(update_fields=["rejected_at", "rejected_by", "rejection_reason", "updated_at"])
    log(instance=page, action="submissions.reject", user=editor, data={"reason": reason})
