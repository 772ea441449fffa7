"""The editors' list of what is not yet, or no longer, in both languages."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from networks.models import EventPage, NetworkPage, ReferencePage
from practices.models import PracticePage
from practices.models.translation import entries_without_translation, other_versions, possibly_outdated_translations

TRANSLATED_PAGE_TYPES = (PracticePage, NetworkPage, EventPage, ReferencePage)


class TranslationsReport(TemplateView):
    """Entries with no live translation (with the admin's Translate action, or the draft
    translation under way) and translations whose original was published again after them."""

    template_name = "kb/admin/translations_report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        missing, outdated = [], []
        for model in TRANSLATED_PAGE_TYPES:
            kind = model._meta.verbose_name
            alone = list(entries_without_translation(model).select_related("locale").order_by("title"))
            drafts = other_versions(model.objects.all(), alone)
            missing += [(kind, page, drafts.get(page.translation_key)) for page in alone]
            late = list(possibly_outdated_translations(model).select_related("locale").order_by("title"))
            originals = other_versions(model.objects.all(), late)
            outdated += [(kind, page, originals[page.translation_key]) for page in late]
        context.update(page_title=_("Translations"), missing=missing, outdated=outdated)
        return context
