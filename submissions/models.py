"""A case study submitted by a network member, and the files attached to it.

The answers are kept as the member typed them (cleaned), so a draft can be incomplete.
On "Submit" they become a draft PracticePage under the practice index that goes through
the "Editorial review" workflow; its state is read from Wagtail (page and workflow
state), never copied here. Only a rejection, which Wagtail has no state for, is stored.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState, WorkflowState


class CaseStudy(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in-review", _("In review")
        CHANGES_REQUESTED = "changes-requested", _("Changes requested")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="case_studies"
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    page = models.OneToOneField(
        "practices.PracticePage", verbose_name=_("practice page"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="case_study",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    rejected_at = models.DateTimeField(_("rejected at"), null=True, blank=True)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("rejected by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def __str__(self):
        return self.title

    @property
    def title(self):
        return self.answers.get("title") or str(_("Untitled case study"))

    @property
    def status(self):
        if self.rejected_at:
            return self.Status.REJECTED
        if self.page is None:
            return self.Status.DRAFT
        state = self.page.current_workflow_state
        if state is not None:
            return self.Status.IN_REVIEW if state.status == WorkflowState.STATUS_IN_PROGRESS else self.Status.CHANGES_REQUESTED
        return self.Status.PUBLISHED if self.page.live else self.Status.DRAFT

    @property
    def status_label(self):
        return self.Status(self.status).label

    @property
    def editable(self):
        """A member changes a case study unless editors are reviewing it or rejected it."""
        return self.status not in (self.Status.IN_REVIEW, self.Status.REJECTED)

    def editor_comments(self):
        """The comments editors left with their decisions, oldest first."""
        if self.page is None:
            return []
        return list(
            TaskState.objects.filter(
                workflow_state__base_content_type=self.page.get_base_content_type(),
                workflow_state__object_id=str(self.page.pk),
            )
            .exclude(comment="")
            .select_related("finished_by")
            .order_by("finished_at", "pk")
        )

    def get_edit_url(self):
        return reverse("submissions:edit", args=[self.pk])


class CaseStudyImage(models.Model):
    """An accepted image: stored as a Wagtail image as soon as it passed the checks, so a
    form that is shown again with errors keeps it."""

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(_("alternative text"), max_length=250, blank=True)
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    class Meta:
        ordering = ["pk"]


class CaseStudyDocument(models.Model):
    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    description = models.CharField(_("description"), max_length=250, blank=True)

    class Meta:
        ordering = ["pk"]
