"""Browsing without search: one page per theme, one profile per city."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .models import City, Theme
from .models.practice import practice_cards, visible_practices
from .models.vocabulary import ThemeChoice


def theme_detail(request, slug):
    if slug not in ThemeChoice.values:
        raise Http404
    theme = get_object_or_404(Theme, slug=slug)
    practices = visible_practices(request.user).filter(themes=theme).order_by("-first_published_at", "title")
    paginator = Paginator(practice_cards(practices), settings.PRACTICES_PER_PAGE)
    return render(
        request,
        "practices/theme_detail.html",
        {
            "theme": theme,
            "practices": paginator.get_page(request.GET.get("page")),
            "other_themes": [(value, label) for value, label in ThemeChoice.choices if value != slug],
        },
    )


def city_detail(request, slug):
    city = get_object_or_404(City.objects.all(), slug=slug)
    practices = list(
        practice_cards(visible_practices(request.user).filter(city=city).order_by("title"))
    )
    # Grouped by theme in the fixed order of the phases; a practice with several themes
    # appears under each.
    groups = []
    for value, label in ThemeChoice.choices:
        in_theme = [p for p in practices if any(t.name == value for t in p.themes.all())]
        if in_theme:
            groups.append((value, label, in_theme))
    return render(
        request,
        "practices/city_detail.html",
        {"city": city, "practice_count": len(practices), "theme_groups": groups},
    )
