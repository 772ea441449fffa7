"""Checks and stores the files members upload: images and PDF documents.

Files are recognised from their content, never from their name or the browser's content
type; images are decoded and re-encoded, which drops EXIF (and GPS) data; stored names
are generated.
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# Pillow format -> (extension, save options). Re-encoding keeps the format the member chose.
IMAGE_FORMATS = {
    "JPEG": ("jpg", {"quality": 88, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 88}),
}
IMAGE_REFUSED = _("This file is not a JPEG, PNG or WebP image. Upload a photo or a picture in one of these formats.")


def _read(upload, limit, too_big):
    if upload.size > limit:
        raise ValidationError(too_big, code="too_big")
    upload.seek(0)
    return upload.read()


def clean_image(upload):
    """The upload re-encoded without metadata: (bytes, extension). Raises ValidationError."""
    data = _read(upload, MAX_IMAGE_BYTES, _("This image is larger than 10 MB. Reduce its size and upload it again."))
    too_many_pixels = ValidationError(
        _("This image has more than 40 megapixels. Reduce its dimensions and upload it again."), code="too_large"
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format not in IMAGE_FORMATS:
                    raise ValidationError(IMAGE_REFUSED, code="not_an_image")
                # The header gives the size before any pixel is decoded.
                if image.width * image.height > MAX_IMAGE_PIXELS:
                    raise too_many_pixels
                image_format = image.format
                image.load()
                # Turn the picture the way its EXIF orientation says, then leave EXIF behind.
                clean = ImageOps.exif_transpose(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(IMAGE_REFUSED, code="not_an_image") from None
    extension, options = IMAGE_FORMATS[image_format]
    if image_format == "JPEG" and clean.mode not in ("RGB", "L"):
        clean = clean.convert("RGB")
    if image_format == "WEBP" and clean.mode not in ("RGB", "RGBA"):
        clean = clean.convert("RGBA")
    clean.info = {}  # no EXIF, XMP, ICC or text chunks are copied into the new file
    output = io.BytesIO()
    clean.save(output, image_format, **options)
    return output.getvalue(), extension


def clean_pdf(upload):
    """The upload's bytes when it is a PDF that a parser can read. Raises ValidationError."""
    data = _read(upload, MAX_DOCUMENT_BYTES, _("This document is larger than 20 MB. Reduce its size and upload it again."))
    refused = ValidationError(_("This file is not a PDF document. Only PDF documents can be attached."), code="not_a_pdf")
    if not data.startswith(b"%PDF-"):
        raise refused
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if len(PdfReader(io.BytesIO(data)).pages) < 1:
                raise refused
    except ValidationError:
        raise
    except Exception:  # pypdf raises many kinds of error on a broken file: all mean "not a PDF"
        raise refused from None
    return data


def generated_name(extension):
    return f"{uuid.uuid4().hex}.{extension}"


def store_image(data, extension, title, user):
    image = get_image_model()(title=title, uploaded_by_user=user)
    image.file = ImageFile(ContentFile(data), name=generated_name(extension))
    image.save()
    return image


def store_document(data, title, user):
    document = get_document_model()(title=title, uploaded_by_user=user)
    document.file = ContentFile(data, name=generated_name("pdf"))
    document.save()
    return document
