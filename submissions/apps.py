from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    """Case studies submitted by network members, and their editorial review."""

    name = "submissions"
    label = "submissions"
    verbose_name = _("Case study submissions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import WorkflowState
        from wagtail.signals import workflow_approved, workflow_rejected

        from .emails import on_workflow_approved, on_workflow_rejected

        workflow_rejected.connect(on_workflow_rejected, sender=WorkflowState, dispatch_uid="submissions-changes-requested")
        workflow_approved.connect(on_workflow_approved, sender=WorkflowState, dispatch_uid="submissions-published")
