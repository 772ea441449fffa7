"""Members' pages: the case study form, their list of case studies, and the editors'
reject view in the admin."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.log_actions import log

from accounts.roles import is_approved_member, member_profile
from search.engines.base import EngineUnavailable
from search.query import PracticeQuery
from search.service import audiences_of, search

from .emails import send_to_member
from .forms import HONEYPOT, CaseStudyForm, RejectForm, UploadForm
from .models import CaseStudy
from .ratelimit import SAVE_DRAFT, SUBMIT, limit_for, over_limit
from .review import reject, submit_for_review
from .uploads import store_document, store_image

SIMILAR_LIMIT = 5


def member_required(view):
    """Signed in (else to the login page) and an approved network member (else a 403 page)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_approved_member(request.user):
            return render(request, "submissions/members_only.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _render_form(request, case_study, form, uploads, status=200, limited=False):
    return render(
        request, "submissions/case_study_form.html",
        {"case_study": case_study, "form": form, "uploads": uploads, "limited": limited, "honeypot": HONEYPOT},
        status=status,
    )


def _attach_uploads(case_study, uploads, data, user):
    """Store the accepted files with the case study now, so they survive a form shown
    again with errors; their texts go into the form data as fields of attached files."""
    if not (uploads.accepted_images or uploads.accepted_documents):
        return
    if case_study.pk is None:
        case_study.save()
    for content, extension, alt_text, caption in uploads.accepted_images:
        image = store_image(content, extension, _("Case study %(id)s: image") % {"id": case_study.pk}, user)
        attached = case_study.images.create(image=image, alt_text=alt_text, caption=caption)
        data[f"image_{attached.pk}_alt"], data[f"image_{attached.pk}_caption"] = alt_text, caption
    for content, description in uploads.accepted_documents:
        document = store_document(content, _("Case study %(id)s: document") % {"id": case_study.pk}, user)
        attached = case_study.documents.create(document=document, description=description)
        data[f"document_{attached.pk}_description"] = description


def _save_attachment_texts(form):
    for attached in form.attached_images:
        if form.cleaned_data.get(f"image_{attached.pk}_remove"):
            attached.delete()
        else:
            attached.alt_text = form.cleaned_data.get(f"image_{attached.pk}_alt", "")
            attached.caption = form.cleaned_data.get(f"image_{attached.pk}_caption", "")
            attached.save(update_fields=["alt_text", "caption"])
    for attached in form.attached_documents:
        if form.cleaned_data.get(f"document_{attached.pk}_remove"):
            attached.delete()
        else:
            attached.description = form.cleaned_data.get(f"document_{attached.pk}_description", "")
            attached.save(update_fields=["description"])


@member_required
@require_http_methods(["GET", "POST"])
def case_study_form(request, pk=None):
    if pk is None:
        case_study = CaseStudy(owner=request.user)
    else:
        case_study = get_object_or_404(CaseStudy.objects.select_related("page"), pk=pk, owner=request.user)
        if not case_study.editable:
            messages.info(request, _("“%(title)s” cannot be changed now: it is %(status)s.") % {
                "title": case_study.title, "status": case_study.status_label.lower()})
            return redirect("submissions:my_case_studies")
    company = member_profile(request.user).is_company
    if request.method != "POST":
        form = CaseStudyForm(initial=CaseStudyForm.initial_from(case_study.answers), case_study=case_study, company=company)
        return _render_form(request, case_study, form, UploadForm())

    if request.POST.get(HONEYPOT):
        return render(request, "submissions/refused.html", status=400)
    action = SUBMIT if "submit" in request.POST else SAVE_DRAFT
    if over_limit(request.user, action):
        # Nothing is stored; the answers come back as typed (files must be chosen again).
        form = CaseStudyForm(request.POST, case_study=case_study, company=company)
        return _render_form(request, case_study, form, UploadForm(), status=429, limited=limit_for(action))

    with transaction.atomic():
        uploads = UploadForm(request.POST, request.FILES)
        uploads.is_valid()
        data = request.POST.copy()
        _attach_uploads(case_study, uploads, data, request.user)
        form = CaseStudyForm(data, case_study=case_study, company=company, final=action == SUBMIT)
        if not (form.is_valid() and uploads.is_valid()):
            if case_study.pk:
                log(instance=case_study, action=SAVE_DRAFT, user=request.user)
            return _render_form(request, case_study, form, uploads)
        _save_attachment_texts(form)
        case_study.answers = form.answers()
        case_study.save()
        if action == SAVE_DRAFT:
            log(instance=case_study, action=SAVE_DRAFT, user=request.user)
            messages.success(request, _("Your draft is saved. You can come back to it from “My case studies”."))
            return redirect(case_study.get_edit_url())
        submit_for_review(case_study)
    return redirect("submissions:submitted", pk=case_study.pk)


def similar_practices(case_study, user):
    """Up to five published practices whose text looks like this case study's."""
    text = f"{case_study.answers.get('title', '')} {case_study.answers.get('summary', '')}"
    try:
        results = search(PracticeQuery(text=text, access_levels=audiences_of(user), page_size=SIMILAR_LIMIT + 1))
    except EngineUnavailable:
        return []
    return [hit for hit in results.hits if hit.practice_id != case_study.page_id][:SIMILAR_LIMIT]


@member_required
def submitted(request, pk):
    case_study = get_object_or_404(CaseStudy, pk=pk, owner=request.user)
    return render(request, "submissions/submitted.html",
                  {"case_study": case_study, "similar": similar_practices(case_study, request.user)})


@member_required
def my_case_studies(request):
    case_studies = request.user.case_studies.select_related("page")
    return render(request, "submissions/my_case_studies.html", {"case_studies": case_studies})


@require_http_methods(["GET", "POST"])
def reject_view(request, pk):
    """Admin: an editor who may publish the page rejects the case study with a reason."""
    case_study = get_object_or_404(CaseStudy.objects.select_related("page", "owner"), pk=pk, page__isnull=False)
    if not case_study.page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    if case_study.status not in (CaseStudy.Status.IN_REVIEW, CaseStudy.Status.CHANGES_REQUESTED):
        messages.error(request, _("Only a case study in review can be rejected."))
        return redirect("wagtailadmin_pages:edit", case_study.page_id)
    form = RejectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reject(case_study, request.user, form.cleaned_data["reason"])
        told = send_to_member(case_study, "rejected", reason=case_study.rejection_reason)
        if told:
            messages.success(request, _("The case study “%(title)s” is rejected; the member was told why.") % {"title": case_study.title})
        else:
            messages.warning(request, _("The case study “%(title)s” is rejected, but the e-mail telling the member why "
                                        "could not be sent.") % {"title": case_study.title})
        return redirect("wagtailadmin_pages:edit", case_study.page_id)
    return render(request, "submissions/admin/reject.html", {"case_study": case_study, "form": form})
