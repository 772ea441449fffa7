from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views_admin import TranslationsReport


@hooks.register("register_admin_urls")
def register_translations_report_url():
    return [path("reports/translations/", TranslationsReport.as_view(), name="translations_report")]


@hooks.register("register_reports_menu_item")
def register_translations_report_menu_item():
    return MenuItem(_("Translations"), reverse("translations_report"), icon_name="globe", order=710)
