"""Practices of each tier carrying an image (a figure block) and a document (a document
block), built the way an editor's publication builds them; files in a temporary MEDIA_ROOT."""

import io
import json

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from practices.models import City, Organisation, PracticeIndexPage, PracticePage, PracticePartner, PracticeSource
from practices.models.vocabulary import Sector
from tests.helpers import create_member, create_staff


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Wagtail caches renditions by image id, and ids come back after each test's rollback.
    caches["default"].clear()
    return settings.MEDIA_ROOT


def png_bytes(colour=(200, 30, 30), size=(120, 90)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes(marker="canary"):
    # Any bytes do: what matters is that exactly these come back.
    return f"%PDF-1.4\n% {marker}\n%%EOF\n".encode()


def make_image(title, uploaded_by=None, colour=(200, 30, 30)):
    image = get_image_model()(title=title, uploaded_by_user=uploaded_by)
    image.file = ImageFile(ContentFile(png_bytes(colour)), name=f"{title.lower().replace(' ', '-')}.png")
    image.save()
    return image


def make_document(title, uploaded_by=None):
    document = get_document_model()(title=title, uploaded_by_user=uploaded_by)
    document.file = ContentFile(pdf_bytes(title), name=f"{title.lower().replace(' ', '-')}.pdf")
    document.save()
    return document


def body_with(image, document):
    return json.dumps([{
        "type": "section",
        "value": {"kind": "implementation", "content": [
            {"type": "paragraph", "value": "<p>What was done.</p>"},
            {"type": "figure", "value": {"image": image.pk, "alt_text": "The square", "caption": "", "credit": ""}},
            {"type": "document", "value": {"document": document.pk, "description": "The plan"}},
        ]},
    }])


def publish_practice(slug, access_level, image, document, restricted_organisations=()):
    """A live PracticePage with partners, sources and themes, as write_demo_content makes them."""
    page = PracticePage(
        title=f"Media test {slug}", slug=slug, summary="A practice that carries an image and a document.",
        language="en", access_level=access_level, city=City.objects.order_by("pk").first(),
        body=body_with(image, document),
    )
    PracticeIndexPage.in_language("en").add_child(instance=page)
    page.themes.set(["protection"])
    page.restricted_organisations = list(restricted_organisations)
    page.partners = [
        PracticePartner(organisation=Organisation.objects.filter(sector=Sector.PUBLIC).first(), role="Leads.", sort_order=0),
        PracticePartner(organisation=Organisation.objects.filter(sector=Sector.PRIVATE).first(), role="Pays.", sort_order=1),
    ]
    page.sources = [PracticeSource(title="Report", url="https://example.org/report", sort_order=0)]
    page.save_revision(log_action=True).publish()
    return page


@pytest.fixture
def insiders(db):
    """The organisation named on restricted entries."""
    return Organisation.objects.create(name="Harbour Operators", slug="harbour-operators", sector=Sector.PRIVATE)


@pytest.fixture
def practice_with_media(insiders, run_worker):
    """publish(tier) -> (page, image, document), the reference index brought up to date."""
    def publish(access_level):
        image = make_image(f"{access_level} photo")
        document = make_document(f"{access_level} plan")
        page = publish_practice(f"media-{access_level}", access_level, image, document, restricted_organisations=[insiders])
        run_worker()
        return page, image, document
    return publish


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def viewers(insiders):
    """One client per kind of visitor: a member without clearance for restricted entries, a
    member of the organisation they name, an editor of the Editors group (no superuser)."""
    return {
        "anonymous": client_for(None),
        "member": client_for(create_member("member@example.org")),
        "insider": client_for(create_member("insider@example.org", organisation=insiders)),
        "editor": client_for(create_staff("media-editor")),
    }
