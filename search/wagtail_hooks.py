"""The editors' report of what practitioners search for (counts only)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views_admin import SearchTermsReport


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("reports/search-terms/", SearchTermsReport.as_view(), name="search_terms_report")]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(_("Search terms"), reverse("search_terms_report"), icon_name="search", order=700)
