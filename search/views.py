import logging

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from practices.models.vocabulary import ThemeChoice
from practices.rules import YEAR_RANGE

from . import service
from .engines.base import EngineUnavailable
from .models import SearchQueryStat
from .params import params_of, query_from_params
from .facets import FACET_NAMES
from .query import MAX_TEXT_LENGTH

logger = logging.getLogger(__name__)
SORT_LABELS = {
    "relevance": gettext_lazy("Relevance"),
    "newest": gettext_lazy("Newest"),
    "evidence": gettext_lazy("Strongest evidence"),
}
MAX_SUGGESTIONS = 10


def _chips(query, results):
    """Active filters, each with the address of the same search without it."""
    labels = {
        (facet.name, value.value): value.label for facet in (results.facets if results else []) for value in facet.values
    }
    chips = []
    if query.text:
        chips.append((_("Text: %(text)s") % {"text": query.text}, params_of(query, q="")))
    for name in FACET_NAMES:
        for value in getattr(query, name):
            remaining = tuple(v for v in getattr(query, name) if v != value)
            chips.append((labels.get((name, value), value), params_of(query, **{name: remaining})))
    for name, label in (("year_from", _("From %(year)s")), ("year_to", _("Until %(year)s"))):
        if getattr(query, name) is not None:
            chips.append((label % {"year": getattr(query, name)}, params_of(query, **{name: None})))
    return chips


@require_GET
def search(request):
    query = query_from_params(request.GET, service.audiences_of(request.user))
    results, status = None, 200
    try:
        results = service.search(query)
    except EngineUnavailable:
        logger.exception("search engine unavailable")
        status = 503
    if results is not None and query.text and query.page == 1:
        SearchQueryStat.record(query.text, results.total)
    context = {
        "query": query,
        "results": results,
        "chips": _chips(query, results),
        "clear_url": params_of(query, q=query.text, **{name: () for name in FACET_NAMES}, year_from=None, year_to=None),
        "sort_options": [(value, label, params_of(query, sort=value)) for value, label in SORT_LABELS.items()],
        "max_length": MAX_TEXT_LENGTH,
        "themes": ThemeChoice.choices,
        "year_range": YEAR_RANGE,
    }
    if results is not None:
        context["previous_url"] = params_of(query, page=query.page - 1) if query.page > 1 else None
        context["next_url"] = params_of(query, page=query.page + 1) if query.page < results.pages else None
        if results.suggestion:
            context["suggestion_url"] = params_of(query, q=results.suggestion)
    return render(request, "search/search.html", context, status=status)


@require_GET
def suggest(request):
    text = request.GET.get("q", "")[:MAX_TEXT_LENGTH]
    suggestions = service.suggest(text, request.user, limit=MAX_SUGGESTIONS) if text.strip() else []
    return JsonResponse(
        {"query": text, "suggestions": [{"text": s.text, "kind": s.kind, "url": s.url} for s in suggestions]}
    )
