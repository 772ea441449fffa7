from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in each interface language: (code, name, url, is_current)."""
    request = context["request"]
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.get_full_path(), code)
        links.append((code, get_language_info(code)["name_local"], url, code == current))
    return links


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for pagination links)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return "?" + query.urlencode()
