from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from practices.models.translation import one_version_per_entry

register = template.Library()


VERSIONS_ATTRIBUTE = "_language_versions"


def _language_versions(page):
    """{language code: the live page of that language} for a page and its translations
    (asked once per page object: the switcher and the head both need it)."""
    versions = getattr(page, VERSIONS_ATTRIBUTE, None)
    if versions is None:
        pages = page.get_translations(inclusive=True).live().select_related("locale")
        versions = {version.locale.language_code: version for version in pages}
        setattr(page, VERSIONS_ATTRIBUTE, versions)
    return versions


def _nearest_version(page, language):
    """The page in `language`, or its nearest ancestor that exists in it (an entry not
    yet translated leads to the index that lists it)."""
    version = _language_versions(page).get(language)
    if version is not None:
        return version
    for ancestor in page.get_ancestors().live().reverse():
        found = ancestor.get_translations().live().filter(locale__language_code=language).first()
        if found is not None:
            return found
    return None


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in each interface language: (code, name, url, is_current). On a
    Wagtail page, the link leads to its translation; elsewhere, to the same address."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        if isinstance(page, Page) and code != current:
            version = _nearest_version(page, code)
            url = version.get_url(request) if version is not None else translate_url("/", code)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append((code, get_language_info(code)["name_local"], url, code == current))
    return links


@register.simple_tag(takes_context=True)
def alternate_versions(context):
    """(language code, full address) of each live language version of the page, for the
    head's hreflang links; empty outside Wagtail pages and for a page in one language."""
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    versions = _language_versions(page)
    if len(versions) < 2:
        return []
    return [(code, version.get_full_url(context["request"])) for code, version in sorted(versions.items())]


@register.filter
def in_interface_language(pages):
    """The live pages of a queryset, each entry once, in the interface's language where
    it has a version in it."""
    return one_version_per_entry(pages.live())


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for pagination links)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return "?" + query.urlencode()
