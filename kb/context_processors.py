from django.utils.functional import SimpleLazyObject

from practices.models import PracticeIndexPage
from practices.models.vocabulary import ThemeChoice


def navigation(request):
    """What the site header needs; the query runs only when a template uses it."""
    return {
        "nav_practice_index": SimpleLazyObject(PracticeIndexPage.in_language),
        "nav_themes": ThemeChoice.choices,
    }
