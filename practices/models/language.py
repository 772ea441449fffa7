"""Names kept as a pair of fields on the snippets both languages share (cities,
organisations): shown in the interface's language."""

from django.utils.translation import get_language


def in_active_language(*, en, fr):
    """The French text when the interface is in French and there is one, else the English."""
    if fr and (get_language() or "en").startswith("fr"):
        return fr
    return en
