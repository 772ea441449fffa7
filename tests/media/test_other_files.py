"""Files outside practices: standard pages (public unless Wagtail's privacy says otherwise),
rich-text document links, avatars; and the ways a file can be sent."""

import pytest
from django.utils.http import http_date
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from kb.models import HomePage
from kb.models.standard import StandardPage

from .conftest import client_for, make_document, make_image, png_bytes

pytestmark = pytest.mark.django_db


def publish_standard_page(slug, image, document, run_worker):
    home = HomePage.in_language("en")
    page = StandardPage(title=f"About {slug}", slug=slug, body=[
        ("paragraph", f'<p>Read <a linktype="document" id="{document.pk}">the plan</a>.</p>'),
        ("image", image),
    ])
    home.add_child(instance=page)
    page.save_revision().publish()
    run_worker()
    return page


def test_a_standard_pages_image_and_linked_document_are_public(viewers, run_worker):
    image, document = make_image("Team photo"), make_document("Annual plan")
    page = publish_standard_page("about-media", image, document, run_worker)
    html = viewers["anonymous"].get(page.url).content.decode()
    assert document.url in html
    rendition_url = image.get_rendition("width-800").url
    assert f'src="{rendition_url}"' in html
    for url in (image.file.url, rendition_url, document.file.url, document.url):
        response = viewers["anonymous"].get(url)
        assert response.status_code == 200, url
        assert "public" in response["Cache-Control"]


def test_wagtails_page_privacy_applies_to_the_files_of_the_page(viewers, run_worker):
    image, document = make_image("Board photo"), make_document("Board minutes")
    page = publish_standard_page("board", image, document, run_worker)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for url in (image.file.url, document.url):
        assert viewers["anonymous"].get(url).status_code == 302, url
        response = viewers["member"].get(url)
        assert response.status_code == 200, url
        assert "private" in response["Cache-Control"]


def test_an_avatar_is_seen_by_its_owner_and_editors_only(viewers):
    from django.core.files.base import ContentFile

    from tests.helpers import create_member

    owner = create_member("face@example.org")
    profile = UserProfile.get_for_user(owner)
    profile.avatar.save("face.png", ContentFile(png_bytes()))
    url = profile.avatar.url
    assert client_for(owner).get(url).status_code == 200
    assert viewers["editor"].get(url).status_code == 200
    assert viewers["member"].get(url).status_code == 403
    assert viewers["anonymous"].get(url).status_code == 302


def test_an_unchanged_file_is_not_sent_again(practice_with_media, viewers):
    _page, image, _document = practice_with_media("network")
    member = viewers["member"]
    first = member.get(image.file.url)
    assert first.status_code == 200 and first["Last-Modified"]
    again = member.get(image.file.url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert again.status_code == 304
    assert "private" in again["Cache-Control"]
    changed = member.get(image.file.url, headers={"If-Modified-Since": http_date(0)})
    assert changed.status_code == 200


def test_the_web_server_can_send_the_file_after_the_check(practice_with_media, viewers, settings):
    """With MEDIA_ACCEL_REDIRECT_PREFIX, Django checks and nginx sends (X-Accel-Redirect)."""
    settings.MEDIA_ACCEL_REDIRECT_PREFIX = "/protected-media/"
    _page, image, document = practice_with_media("restricted")
    response = viewers["insider"].get(document.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{document.file.name}"
    assert response.content == b""
    assert response["Content-Disposition"].startswith("attachment")
    assert "private" in response["Cache-Control"]
    picture = viewers["insider"].get(image.file.url)
    assert picture["X-Accel-Redirect"] == f"/protected-media/{image.file.name}"
    assert picture["Content-Type"] == "image/png"
    assert viewers["member"].get(image.file.url).status_code == 403
    assert "X-Accel-Redirect" not in viewers["anonymous"].get(image.file.url)


def test_a_visitor_who_gave_a_pages_password_sees_its_files(viewers, run_worker):
    image, document = make_image("Venue plan photo"), make_document("Venue plan")
    page = publish_standard_page("venue", image, document, run_worker)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="harbour-2026",
    )
    visitor = viewers["anonymous"]
    assert visitor.get(image.file.url).status_code == 302
    visitor.post(f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
                 {"password": "harbour-2026", "return_url": page.url})
    assert visitor.get(page.url).status_code == 200
    response = visitor.get(image.file.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert viewers["member"].get(image.file.url).status_code == 403
