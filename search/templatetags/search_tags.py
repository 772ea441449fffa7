from django import template
from django_countries import countries
from django.utils.translation import gettext_lazy as _

from practices.models.vocabulary import EvidenceLevel, ThemeChoice

from .. import service

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


@register.simple_tag(takes_context=True)
def related_practices(context, page, limit=4):
    """Related practices for the viewer, from the search layer: the practice page itself
    does not know the engine."""
    return service.related_practices(page, context["request"].user, limit=limit)


_LISTING_KINDS = {"network": _("Network"), "event": _("Event"), "reference": _("Reference document")}


@register.filter
def listing_kind_label(kind):
    return _LISTING_KINDS.get(kind, kind)
