"""Whole pages for anonymous visitors, from the cache.

Only what an anonymous visitor sees is cached, so that nothing cached for one clearance
is ever served to another: a request is answered from the cache only when it carries no
session (no logged-in member, no selection, no pending message) and no credentials, and a
response is stored only when it is a plain 200 page that sets no cookie (a page with a
form sets the CSRF cookie) and does not forbid caching. The key is the host, the language
and the whole address with its query string; the stored page carries the generation it
was rendered in (page_cache.generation), so that one read tells whether it is current.

Placed after LocaleMiddleware (the language is known) and before everything that loads
the session, the user or the database: a hit costs one cache read.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re

from .generation import GENERATION_KEY, new_generation, page_cache

STATUS_HEADER = "X-Page-Cache"
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}


def serves_from_cache(request):
    if request.method != "GET" or not settings.PAGE_CACHE_SECONDS:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    bypass = (settings.SESSION_COOKIE_NAME, *settings.PAGE_CACHE_BYPASS_COOKIES)
    return not any(name in request.COOKIES for name in bypass)


def storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    directives = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    return not directives & UNCACHEABLE_DIRECTIVES


def page_key(request):
    return f"page-cache:page:{request.get_host()}:{translation.get_language()}:{request.get_full_path()}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not serves_from_cache(request):
            return self.get_response(request)
        cache = page_cache()
        key = page_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or new_generation()
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            return self._replay(stored)
        response = self.get_response(request)
        if storable(response):
            headers = [(name, value) for name, value in response.items() if name != STATUS_HEADER]
            cache.set(key, (generation, response.status_code, headers, response.content), settings.PAGE_CACHE_SECONDS)
            response[STATUS_HEADER] = "miss"
        return response

    def _replay(self, stored):
        _generation, status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[STATUS_HEADER] = "hit"
        return response
