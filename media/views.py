"""Uploaded files, served through Django so that every request passes the access rule
(media.access) instead of being read from a public directory."""

import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotModified
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header, http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served

from .access import document_access
from .files import find_stored_file, storage_name

# How long browsers and shared caches may keep a public file. Short, because a page that
# uses a file can become restricted, and a cached copy cannot be called back.
DEFAULT_PUBLIC_MAX_AGE = 600


def refuse(request):
    """A visitor is asked to log in; a signed-in user without clearance is refused."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


@require_safe
def serve(request, path):
    name = storage_name(path)
    stored = find_stored_file(name) if name else None
    if stored is None:
        raise Http404("No such file.")
    access = stored.access(request.user, request)
    if not access.allowed:
        return refuse(request)
    return file_response(request, name, access, download_name=stored.download_name)


@require_safe
def serve_document(request, document_id, document_filename):
    """Wagtail's document URL (/documents/<id>/<name>), answered like Wagtail's own view:
    the same lookup and the same before_serve_document hooks (Wagtail's collection privacy,
    media's access rule), then the file with this module's headers, which Wagtail's view
    cannot add (a hook may only return a non-streaming response)."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    if document.filename != document_filename:
        raise Http404("This document does not match the given filename.")
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponseBase):
            return result
    access = document_access(request.user, document, request)
    if not access.allowed:  # the hook said yes; a change of hooks must not open the file
        return refuse(request)
    document_served.send(sender=type(document), instance=document, request=request)
    return file_response(request, document.file.name, access, download_name=document.filename)


def file_response(request, name, access, download_name=None):
    """The stored file `name`; `download_name` makes it an attachment under that name.

    With settings.MEDIA_ACCEL_REDIRECT_PREFIX set (e.g. "/protected-media/"), the web server
    sends the file: the response only names it in X-Accel-Redirect (nginx; the prefix must
    be an `internal` location aliased to MEDIA_ROOT)."""
    if not default_storage.exists(name):
        raise Http404("No such file.")
    try:
        modified = default_storage.get_modified_time(name).timestamp()
    except (NotImplementedError, OSError):
        modified = None
    content_type = mimetypes.guess_type(download_name or name)[0] or "application/octet-stream"
    accel_prefix = getattr(settings, "MEDIA_ACCEL_REDIRECT_PREFIX", "")

    if modified is not None and not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), modified):
        response = HttpResponseNotModified()
    elif accel_prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel_prefix.rstrip("/") + "/" + quote(name)
        if download_name:
            response["Content-Disposition"] = content_disposition_header(True, download_name)
    else:
        response = FileResponse(
            default_storage.open(name, "rb"), content_type=content_type,
            as_attachment=bool(download_name), filename=download_name or "",
        )
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    response["X-Content-Type-Options"] = "nosniff"
    # A file opened on its own runs nothing, even if it is an SVG or an HTML file in disguise.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if access.public:
        patch_cache_control(response, public=True, max_age=getattr(settings, "MEDIA_PUBLIC_MAX_AGE", DEFAULT_PUBLIC_MAX_AGE))
    else:
        patch_cache_control(response, private=True)
    return response
