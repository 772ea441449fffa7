from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import health
from .sitemaps import MultilingualSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Uploaded files (MEDIA_URL) and documents (/documents/<id>/<name>), through the access
    # check of media in every environment; before Wagtail's document URLs.
    path("", include("media.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# English at the root, French under /fr/. Wagtail's page serving comes last: it catches
# every path the patterns above did not.
urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("", include("access_requests.urls")),
    path("", include("submissions.urls")),
    path("", include("practices.urls")),
    path("", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
