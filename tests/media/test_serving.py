"""Direct URLs of a practice's image, renditions and document give the file to a viewer
with clearance and nothing to anyone else, whatever the URL."""

import pytest
from django.conf import settings

from .conftest import client_for, make_document, make_image, png_bytes, publish_practice

pytestmark = pytest.mark.django_db

LOGIN = "login"
# What each visitor gets, per tier: 200 (the file), 403, or LOGIN (a redirect to log in).
EXPECTED = {
    "public": {"anonymous": 200, "member": 200, "insider": 200, "editor": 200},
    "network": {"anonymous": LOGIN, "member": 200, "insider": 200, "editor": 200},
    "restricted": {"anonymous": LOGIN, "member": 403, "insider": 200, "editor": 200},
}
FILES = ["original", "rendition", "document", "document-view"]


def file_url_and_bytes(kind, image, document):
    if kind == "original":
        with image.file.open("rb") as f:
            return image.file.url, f.read()
    if kind == "rendition":
        rendition = image.get_rendition("max-800x600")  # the figure block's rendition
        with rendition.file.open("rb") as f:
            return rendition.url, f.read()
    with document.file.open("rb") as f:
        content = f.read()
    # document: the stored file under /media/; document-view: Wagtail's /documents/<id>/<name>
    return (document.file.url if kind == "document" else document.url), content


def assert_outcome(response, expected, content, url):
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
        assert url in response["Location"].replace("%2F", "/")
        return
    assert response.status_code == expected
    if expected == 200:
        assert b"".join(response.streaming_content) == content


@pytest.mark.parametrize("tier", EXPECTED)
@pytest.mark.parametrize("kind", FILES)
def test_each_file_of_a_practice_reaches_exactly_the_viewers_of_its_tier(practice_with_media, viewers, tier, kind):
    _page, image, document = practice_with_media(tier)
    url, content = file_url_and_bytes(kind, image, document)
    assert url.startswith("/media/" if kind != "document-view" else "/documents/")
    for viewer, expected in EXPECTED[tier].items():
        response = viewers[viewer].get(url)
        try:
            assert_outcome(response, expected, content, url)
        except AssertionError as error:
            raise AssertionError(f"{viewer} on {url}: {response.status_code}") from error


def test_files_are_served_with_safe_headers(practice_with_media, viewers):
    _page, image, document = practice_with_media("restricted")
    insider = viewers["insider"]

    picture = insider.get(image.get_rendition("max-800x600").url)
    assert picture["Content-Type"] == "image/png"
    assert picture["X-Content-Type-Options"] == "nosniff"
    assert "private" in picture["Cache-Control"] and "public" not in picture["Cache-Control"]
    assert "attachment" not in picture.get("Content-Disposition", "")
    # A file opened on its own runs nothing (the site's policy must not replace this one).
    assert picture["Content-Security-Policy"] == "default-src 'none'; sandbox"

    for url in (document.file.url, document.url):
        download = insider.get(url)
        assert download["Content-Type"] == "application/pdf"
        assert download["Content-Disposition"].startswith("attachment")
        assert document.filename in download["Content-Disposition"]
        assert download["X-Content-Type-Options"] == "nosniff"
        assert "private" in download["Cache-Control"]


def test_a_public_file_may_be_cached_by_anyone(practice_with_media, viewers):
    _page, image, _document = practice_with_media("public")
    response = viewers["anonymous"].get(image.get_rendition("max-800x600").url)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_rendition_made_on_first_use_is_protected_like_its_image(practice_with_media, viewers):
    _page, image, _document = practice_with_media("restricted")
    # A size no template asked for yet: made now, by the editor's request.
    rendition = image.get_rendition("fill-50x50")
    assert viewers["member"].get(rendition.url).status_code == 403
    assert viewers["anonymous"].get(rendition.url).status_code == 302
    assert viewers["insider"].get(rendition.url).status_code == 200


def test_the_practice_page_shows_its_image_to_its_readers(practice_with_media, viewers):
    """The figure block's <img> points to a URL that gives the picture to whoever may read
    the page: the demonstration site's pictures keep displaying."""
    for tier, reader in (("public", "anonymous"), ("network", "member"), ("restricted", "insider")):
        page, image, _document = practice_with_media(tier)
        html = viewers[reader].get(page.url).content.decode()
        rendition_url = image.get_rendition("max-800x600").url
        assert f'src="{rendition_url}"' in html
        assert viewers[reader].get(rendition_url).status_code == 200


def test_a_file_used_by_a_public_page_is_public_even_if_a_restricted_one_uses_it_too(practice_with_media, viewers, run_worker):
    _page, image, document = practice_with_media("restricted")
    publish_practice("media-public-reuse", "public", image, document)
    run_worker()
    assert viewers["anonymous"].get(image.file.url).status_code == 200
    assert viewers["anonymous"].get(document.url).status_code == 200


def test_unpublishing_closes_the_files_of_a_public_practice(practice_with_media, viewers):
    page, image, document = practice_with_media("public")
    page.unpublish()
    assert viewers["anonymous"].get(image.file.url).status_code == 302
    assert viewers["member"].get(document.url).status_code == 403
    assert viewers["editor"].get(document.url).status_code == 200


def test_a_practice_becoming_restricted_closes_its_files_at_once(practice_with_media, viewers):
    page, image, _document = practice_with_media("public")
    page.access_level = "restricted"
    page.save_revision().publish()
    # No worker run: the tier is read at request time, the reference index did not change.
    assert viewers["member"].get(image.file.url).status_code == 403
    assert viewers["insider"].get(image.file.url).status_code == 200


def test_an_unused_upload_is_seen_by_its_uploader_and_editors_only(viewers):
    from tests.helpers import create_member

    uploader = create_member("uploader@example.org")
    image = make_image("Case study photo", uploaded_by=uploader)
    document = make_document("Case study plan", uploaded_by=uploader)
    own = client_for(uploader)
    rendition = image.get_rendition("max-800x600")
    for url in (image.file.url, rendition.url, document.file.url, document.url):
        assert own.get(url).status_code == 200, url
        assert viewers["member"].get(url).status_code == 403, url
        assert viewers["anonymous"].get(url).status_code == 302, url
        assert viewers["editor"].get(url).status_code == 200, url
    with image.file.open("rb") as f:
        assert b"".join(own.get(image.file.url).streaming_content) == f.read()


@pytest.mark.parametrize("path", [
    "/media/../kb/settings/base.py",
    "/media/../../etc/passwd",
    "/media/original_images/../../kb/settings/base.py",
    "/media/%2e%2e/kb/settings/base.py",
    "/media/..%2fkb/settings/base.py",
    "/media//etc/passwd",
    "/media/original_images/..\\..\\kb\\settings\\base.py",
    "/media/",
    "/media/./original_images/x.png",
])
def test_paths_outside_the_recorded_files_are_not_found(viewers, path):
    for viewer in ("anonymous", "editor"):
        response = viewers[viewer].get(path)
        assert response.status_code == 404, (viewer, path, response.status_code)


def test_a_file_in_media_root_that_no_image_or_document_records_is_not_found(viewers, media_root):
    (media_root / "original_images").mkdir(parents=True, exist_ok=True)
    (media_root / "original_images" / "left-behind.png").write_bytes(png_bytes())
    assert viewers["editor"].get("/media/original_images/left-behind.png").status_code == 404


def test_a_recorded_file_missing_from_storage_is_not_found(practice_with_media, viewers):
    _page, image, _document = practice_with_media("public")
    image.file.storage.delete(image.file.name)
    assert viewers["anonymous"].get(image.file.url).status_code == 404


def test_wagtail_document_view_refuses_a_wrong_filename(practice_with_media, viewers):
    _page, _image, document = practice_with_media("public")
    assert viewers["editor"].get(f"/documents/{document.pk}/other.pdf").status_code == 404


def test_only_reading_is_allowed(practice_with_media, viewers):
    _page, image, _document = practice_with_media("public")
    assert viewers["editor"].post(image.file.url).status_code == 405
    assert viewers["anonymous"].head(image.file.url).status_code == 200


def test_media_is_served_by_django_not_from_a_public_directory():
    assert settings.MEDIA_URL == "/media/"
    from django.urls import resolve

    assert resolve("/media/original_images/x.png").url_name == "serve"
    assert resolve("/media/original_images/x.png").namespace == "media"


def test_wagtails_image_serve_view_is_not_reachable(practice_with_media, viewers):
    _page, image, _document = practice_with_media("restricted")
    # The URL Wagtail's dynamic image serve view would use, had it been routed.
    response = viewers["member"].get(f"/images/signature/{image.pk}/original/")
    assert response.status_code == 404


def test_document_urls_are_answered_by_the_checking_view():
    from django.urls import resolve

    assert resolve("/documents/12/plan.pdf").view_name == "media:document"


def test_wagtails_own_document_view_applies_the_rule_too(practice_with_media, viewers, rf):
    """Should Wagtail's view ever answer again (a reordered urls.py), its hook refuses."""
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied
    from wagtail.documents.views.serve import serve as wagtail_serve

    from tests.helpers import create_member

    _page, _image, document = practice_with_media("restricted")
    request = rf.get(document.url)
    request.user = AnonymousUser()
    response = wagtail_serve(request, document.pk, document.filename)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    request.user = create_member("outsider@example.org")
    with pytest.raises(PermissionDenied):
        wagtail_serve(request, document.pk, document.filename)
