"""The editors' report of what practitioners search for (counts only), and the dashboard
panel that says when search is behind the published content."""

from datetime import timedelta

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .tasks import ATTEMPTS_BEFORE_ALERT, indexing_backlog
from .views_admin import SearchTermsReport

BACKLOG_ALERT = timedelta(minutes=30)


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("reports/search-terms/", SearchTermsReport.as_view(), name="search_terms_report")]


class IndexingBacklogPanel(Component):
    """On the editors' dashboard, only when search is behind: updates have failed for
    longer than the retries' first hours, or have waited more than BACKLOG_ALERT."""

    order = 50
    template_name = "search/admin/indexing_backlog_panel.html"

    def __init__(self, waiting, oldest, attempts):
        self.waiting, self.oldest, self.attempts = waiting, oldest, attempts

    def get_context_data(self, parent_context=None):
        return {"waiting": self.waiting, "oldest": self.oldest, "attempts": self.attempts}


@hooks.register("construct_homepage_panels")
def add_indexing_backlog_panel(request, panels):
    waiting, oldest, attempts = indexing_backlog()
    if waiting and (attempts >= ATTEMPTS_BEFORE_ALERT or timezone.now() - oldest > BACKLOG_ALERT):
        panels.append(IndexingBacklogPanel(waiting, oldest, attempts))


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(_("Search terms"), reverse("search_terms_report"), icon_name="search", order=700)
