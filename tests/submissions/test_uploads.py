"""Uploads: recognised from their content, re-encoded without EXIF, refused with a clear
message otherwise, and kept with the draft when the form is shown again."""

import io
import re
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from submissions.models import CaseStudy
from submissions.uploads import MAX_IMAGE_BYTES

from .conftest import image_bytes, valid_answers

NOT_AN_IMAGE = "This file is not a JPEG, PNG or WebP image."


def pdf_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, "PDF")
    return buffer.getvalue()


def gps_exif():
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (48.0, 51.0, 29.0)
    gps[3], gps[4] = "E", (2.0, 17.0, 40.0)
    return exif.tobytes()


def bomb_png(width=10_000, height=10_000):
    """A tiny PNG whose header claims 100 megapixels (the compressed rows are small)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" + b"\x00" * ((width + 7) // 8), 9) # one row is enough to be read as PNG
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def upload(client, files, url="/submit/", **answers):
    data = {"title": "With files", "save_draft": "1", **answers}
    data.update(files)
    return client.post(url, data)


def test_a_jpeg_with_gps_exif_is_stored_without_any_exif(member_client, member):
    original = image_bytes("JPEG", exif=gps_exif())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the test photo has GPS data
    response = upload(member_client, {"new_image_1": SimpleUploadedFile("holiday.jpg", original, "image/jpeg"),
                                      "new_image_1_alt": "The square"})
    assert response.status_code == 302
    attached = CaseStudy.objects.get(owner=member).images.get()
    with attached.image.file.open("rb") as stored_file:
        stored = stored_file.read()
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG"
    assert not image.getexif() and "exif" not in image.info
    assert b"Exif" not in stored and b"Camera maker" not in stored
    assert attached.alt_text == "The square"
    assert "holiday" not in attached.image.file.name
    assert re.fullmatch(r"original_images/[0-9a-f]{32}\.jpg", attached.image.file.name)


@pytest.mark.parametrize("name, content, message", [
    ("bomb.png", bomb_png(), "more than 40 megapixels"),
    ("page.jpg", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", NOT_AN_IMAGE),
    ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', NOT_AN_IMAGE),
    ("scan.png", pdf_bytes(), NOT_AN_IMAGE),
])
def test_files_that_are_not_safe_images_are_refused_with_a_clear_message(member_client, member, name, content, message):
    response = upload(member_client, {"new_image_1": SimpleUploadedFile(name, content, "image/png")})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert re.search(r'id="id_new_image_1_error"', html)
    assert CaseStudy.objects.filter(owner=member, images__isnull=False).count() == 0


def test_an_image_over_10_mb_is_refused(member_client, member):
    big = image_bytes("PNG") + b"\x00" * MAX_IMAGE_BYTES
    response = upload(member_client, {"new_image_1": SimpleUploadedFile("big.png", big, "image/png")})
    assert "larger than 10 MB" in response.content.decode()


def test_png_and_webp_are_accepted_and_re_encoded(member_client, member):
    response = upload(member_client, {
        "new_image_1": SimpleUploadedFile("a.png", image_bytes("PNG"), "image/png"),
        "new_image_2": SimpleUploadedFile("b.webp", image_bytes("WEBP"), "image/webp"),
    })
    assert response.status_code == 302
    names = sorted(a.image.file.name.rsplit(".", 1)[1] for a in CaseStudy.objects.get(owner=member).images.all())
    assert names == ["png", "webp"]


def test_documents_must_be_pdf_by_content(member_client, member):
    response = upload(member_client, {
        "new_document_1": SimpleUploadedFile("report.pdf", b"%PDF-1.7\nnot really a pdf", "application/pdf"),
        "new_document_2": SimpleUploadedFile("notes.pdf", b"plain text", "application/pdf"),
    })
    html = response.content.decode()
    assert html.count("This file is not a PDF document.") == 2
    response = upload(member_client, {"new_document_1": SimpleUploadedFile("x.bin", pdf_bytes(), "application/octet-stream")},
                      )
    assert response.status_code == 302
    document = CaseStudy.objects.filter(owner=member).get(documents__isnull=False).documents.get().document
    assert re.fullmatch(r"documents/[0-9a-f]{32}\.pdf", document.file.name)


def test_documents_are_served_as_attachments(member_client, member, client):
    upload(member_client, {"new_document_1": SimpleUploadedFile("r.pdf", pdf_bytes(), "application/pdf")})
    document = CaseStudy.objects.get(owner=member).documents.get().document
    response = member_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")


def test_a_failed_validation_keeps_every_other_answer_and_the_accepted_files(member_client, member):
    data = valid_answers(
        end_year="1800",
        further_cities=[], legal_privacy_notes="Impact assessment done in 2021.", topics="radio, alerting",
        contact_1_phone="+33 1 23 45 67 89",
    )
    data["new_image_1"] = SimpleUploadedFile("ok.jpg", image_bytes("JPEG"), "image/jpeg")
    data["new_image_1_alt"] = "Radio handed to a shopkeeper"
    data["new_image_2"] = SimpleUploadedFile("bad.jpg", b"<html></html>", "image/jpeg")
    response = member_client.post("/submit/", {**data, "submit": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'id="id_end_year_error"', html) and NOT_AN_IMAGE in html
    form = response.context["form"]
    for name in ("title", "summary", "topics", "legal_privacy_notes", "contact_1_phone", "partner_2_organisation",
                 "source_1_url", "start_year", "end_year"):
        assert form[name].value() == data[name], name
    assert form["themes"].value() == data["themes"]
    assert 'value="Shared radio network for the harbour promenade"' in html
    assert "Impact assessment done in 2021." in html
    # The accepted image is attached and offered again with its text; the form now posts
    # to the stored draft, so nothing is uploaded twice.
    case_study = CaseStudy.objects.get(owner=member)
    attached = case_study.images.get()
    assert 'value="Radio handed to a shopkeeper"' in html and attached.image.file.url in html
    assert f'action="{case_study.get_edit_url()}"' in html
    data.pop("new_image_1"), data.pop("new_image_2")
    data["end_year"] = "2023"
    data[f"image_{attached.pk}_alt"] = "Radio handed to a shopkeeper"
    response = member_client.post(case_study.get_edit_url(), {**data, "submit": "1"})
    assert response.status_code == 302
    case_study.refresh_from_db()
    body = case_study.page.specific.get_latest_revision_as_object().body
    figures = [block.value for section in body for block in section.value["content"] if block.block_type == "figure"]
    assert [f["image"].pk for f in figures] == [attached.image_id]
    assert figures[0]["alt_text"] == "Radio handed to a shopkeeper"
