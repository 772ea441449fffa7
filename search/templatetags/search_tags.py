from django import template
from django_countries import countries

from practices.models.vocabulary import EvidenceLevel, ThemeChoice

register = template.Library()
_THEMES = dict(ThemeChoice.choices)
_EVIDENCE = dict(EvidenceLevel.choices)


@register.filter
def country_name(code):
    return countries.name(code) or code


@register.filter
def theme_label(value):
    return _THEMES.get(value, value)


@register.filter
def evidence_label(value):
    return _EVIDENCE.get(value, value)
