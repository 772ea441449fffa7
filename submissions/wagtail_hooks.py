"""Admin: the reject action on a case study's page, and the audit-log actions we add."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem

from . import views
from .models import CaseStudy


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("case-studies/<int:pk>/reject/", views.reject_view, name="submissions_reject")]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("submissions.save_draft", _("Save case study draft"), _("Case study draft saved"))
    actions.register_action("submissions.submit", _("Submit case study"), _("Case study submitted for review"))
    actions.register_action("submissions.reject", _("Reject case study"), _("Case study rejected"))


class RejectCaseStudyMenuItem(ActionMenuItem):
    label = _("Reject case study…")
    name = "action-reject-case-study"
    icon_name = "cross"
    order = 60

    def _case_study(self, context):
        page = context.get("page")
        return getattr(page, "case_study", None) if page is not None and context.get("view") == "edit" else None

    def is_shown(self, context):
        case_study = self._case_study(context)
        return (
            case_study is not None
            and case_study.status in (CaseStudy.Status.IN_REVIEW, CaseStudy.Status.CHANGES_REQUESTED)
            and self.get_user_page_permissions_tester(context).can_publish()
        )

    def get_url(self, context):
        return reverse("submissions_reject", args=[self._case_study(context).pk])


@hooks.register("register_page_action_menu_item")
def register_reject_menu_item():
    return RejectCaseStudyMenuItem()
