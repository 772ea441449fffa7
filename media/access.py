"""Who may see an uploaded file: the one rule for images, renditions and documents.

A file is as visible as the most visible live page that uses it:
- editors (practices.access.is_editor) see every file;
- anyone sees a file used by a live page they may see: a PracticePage by its access tier
  (practices.access.can_view_practice), any other page is public; Wagtail's own page
  privacy settings (login, groups, password) apply on top;
- the member who uploaded a file sees it (their case study's images and documents, before
  and after review);
- nobody else.

The pages that use a file come from Wagtail's ReferenceIndex, which records the images and
documents used in StreamFields and rich text. The index is brought up to date by the task
worker after each save: until then a new use does not yet open a file (it stays closed),
and a removed use does not close it yet.

A document also honours its collection's privacy settings, as Wagtail's document view does.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from accounts.roles import is_editor
from practices.access import can_view_practice
from practices.models.practice import PracticePage


@dataclass(frozen=True)
class MediaAccess:
    allowed: bool  # this viewer may have the file
    public: bool  # anyone may: shared caches may keep it


CLOSED = MediaAccess(allowed=False, public=False)


class _ViewerRequest:
    """What Wagtail's view restrictions read from a request (user, session), for checks made
    without one: a password restriction is then never passed."""

    def __init__(self, user):
        self.user = user
        self.session = {}


def _restrictions_accept(restrictions, user, request=None):
    viewer = request if request is not None else _ViewerRequest(user)
    return all(restriction.accept_request(viewer) for restriction in restrictions)


def pages_using(obj):
    """The live pages whose content uses `obj` (an image or a document), most specific class."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        .distinct()
    )
    return Page.objects.live().filter(pk__in=[int(pk) for pk in page_ids]).specific().order_by("pk")


def _page_open_to(user, page, request=None):
    if isinstance(page, PracticePage) and not can_view_practice(user, page):
        return False
    return _restrictions_accept(page.get_view_restrictions(), user, request)


def _uploaded_by(user, obj):
    owner_id = getattr(obj, "uploaded_by_user_id", None)
    return bool(owner_id is not None and user is not None and user.is_authenticated and user.is_active and owner_id == user.pk)


def _used_media_access(user, obj, request=None):
    user = user or AnonymousUser()
    pages = list(pages_using(obj))
    if any(_page_open_to(AnonymousUser(), page) for page in pages):
        return MediaAccess(allowed=True, public=True)
    if is_editor(user) or _uploaded_by(user, obj):
        return MediaAccess(allowed=True, public=False)
    # Anonymous visitors too: one may have given a page's password in this session.
    return MediaAccess(allowed=any(_page_open_to(user, page, request) for page in pages), public=False)


def image_access(user, image, request=None):
    """MediaAccess to an original image and every rendition of it."""
    return _used_media_access(user, image, request)


def document_access(user, document, request=None):
    user = user or AnonymousUser()
    collection_restrictions = list(document.collection.get_view_restrictions())
    if collection_restrictions and not _restrictions_accept(collection_restrictions, user, request):
        return CLOSED
    access = _used_media_access(user, document, request)
    return MediaAccess(allowed=access.allowed, public=access.public and not collection_restrictions)


def private_file_access(user, owner_id):
    """Files that belong to one user and are never on a page (avatars, the admin's upload
    area): that user and editors."""
    if is_editor(user):
        return MediaAccess(allowed=True, public=False)
    own = user is not None and user.is_authenticated and user.is_active and user.pk == owner_id
    return MediaAccess(allowed=own, public=False)


def can_view_image(user, image):
    return image_access(user, image).allowed


def can_view_rendition(user, rendition):
    return image_access(user, rendition.image).allowed


def can_view_document(user, document):
    return document_access(user, document).allowed
