"""From a path under MEDIA_URL to the object that owns the stored file, and its access."""

from dataclasses import dataclass

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import UploadedFile
from wagtail.users.models import UserProfile

from .access import document_access, image_access, private_file_access


@dataclass(frozen=True)
class StoredFile:
    name: str  # the storage name, e.g. "images/photo.max-800x600.jpg"
    kind: str  # image, rendition, document, avatar, upload
    obj: object

    def access(self, user, request=None):
        if self.kind == "image":
            return image_access(user, self.obj, request)
        if self.kind == "rendition":
            return image_access(user, self.obj.image, request)
        if self.kind == "document":
            return document_access(user, self.obj, request)
        if self.kind == "avatar":
            return private_file_access(user, self.obj.user_id)
        return private_file_access(user, self.obj.uploaded_by_user_id)

    @property
    def download_name(self):
        """Documents are always downloaded, under the name Wagtail shows for them."""
        return self.obj.filename if self.kind == "document" else None


def storage_name(path):
    """The path as a storage name, or None when it could leave the media directory or is
    not a plain relative path."""
    if not path or "\\" in path or "\x00" in path:
        return None
    if any(part in ("", ".", "..") for part in path.split("/")):
        return None
    return path


def find_stored_file(name):
    """The StoredFile recorded under this storage name, or None (a name nobody recorded is
    never served, whatever lies in MEDIA_ROOT)."""
    image_model = get_image_model()
    lookups = (
        ("rendition", image_model.get_rendition_model().objects.select_related("image"), "file"),
        ("image", image_model.objects.all(), "file"),
        ("document", get_document_model().objects.select_related("collection"), "file"),
        ("avatar", UserProfile.objects.all(), "avatar"),
        ("upload", UploadedFile.objects.all(), "file"),
    )
    for kind, queryset, field in lookups:
        obj = queryset.filter(**{field: name}).order_by("pk").first()
        if obj is not None:
            return StoredFile(name=name, kind=kind, obj=obj)
    return None
