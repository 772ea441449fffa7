from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .models import SearchQueryStat

REPORT_ROWS = 50


class SearchTermsReport(TemplateView):
    """Most frequent queries and queries without results: what to write next."""

    template_name = "search/admin/search_terms_report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stats = SearchQueryStat.objects.all()
        context.update(
            page_title=_("Search terms"),
            frequent=stats.order_by("-searches", "text")[:REPORT_ROWS],
            without_results=stats.filter(searches_without_results__gt=0).order_by("-searches_without_results", "text")[:REPORT_ROWS],
        )
        return context
