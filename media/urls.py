from django.conf import settings
from django.urls import path, re_path

from . import views

app_name = "media"

urlpatterns = [
    # Wagtail's document URLs (the pattern of wagtail.documents.urls), matched before Wagtail's own.
    re_path(r"^documents/(?P<document_id>\d+)/(?P<document_filename>.*)$", views.serve_document, name="document"),
]
# Every uploaded file goes through the access check, in every environment. A MEDIA_URL on
# another host (a CDN, object storage) would bypass it: nothing is served here then.
if settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", views.serve, name="serve"))
