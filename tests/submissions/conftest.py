import io

import pytest
from django.test import Client
from PIL import Image

from practices.models import City, Organisation
from practices.models.vocabulary import Sector
from submissions.models import CaseStudy
from tests.helpers import create_member, create_staff, logged_in


@pytest.fixture
def member(db):
    """An approved member of New York (the city of the case study in valid_answers)."""
    return create_member("member@example.org", city=City.objects.get(slug="new-york"))


@pytest.fixture
def company_member(db):
    company = Organisation.objects.create(name="Acme Bollards", slug="acme-bollards", sector=Sector.PRIVATE)
    return create_member("seller@example.org", organisation=company)


@pytest.fixture
def group_editor(db):
    """An editor of the Editors group (not a superuser), with an e-mail address."""
    return create_staff("group-editor")


def valid_answers(**overrides):
    """POST data of a complete case study, as a member would send it."""
    organisation = Organisation.objects.get(slug="nypd")
    city = City.objects.get(slug="new-york")
    data = {
        "title": "Shared radio network for the harbour promenade",
        "summary": "Shops, venues and police share one radio channel along the promenade during events.",
        "language": "en",
        "access_level": "public",
        "city": str(city.pk),
        "themes": ["prevention", "response"],
        "topics": "radio, alerting",
        "target_types": ["public-spaces"],
        "partnership_models": ["alerting-networks"],
        "partner_1_organisation": organisation.name,
        "partner_1_role": "Runs the channel and trains the shop staff.",
        "partner_2_organisation": "Harbour Traders Association",
        "partner_2_sector": "private",
        "partner_2_role": "Brings the shops in.",
        "context": "<p>The promenade is crowded on summer evenings.</p>",
        "objectives": "<p>Warn everyone within a minute.</p>",
        "implementation": "<p>Radios were handed out to <strong>120</strong> shops.</p>",
        "evidence_level": "self-reported",
        "status": "ongoing",
        "start_year": "2021",
        "cost_band": "under-50k",
        "source_1_title": "Council report 2022",
        "source_1_url": "https://example.org/report",
        "contact_1_name": "Jo Example",
        "contact_1_email": "jo@example.org",
    }
    data.update(overrides)
    return data


def submit_and_publish(member, editor, **answers):
    """A member's case study, sent and published by an editor: (the member's client, page)."""
    client = Client()
    client.force_login(member)
    client.post("/submit/", {**valid_answers(**answers), "submit": "1"})
    page = CaseStudy.objects.get(owner=member).page.specific
    page.get_latest_revision().publish(user=editor)
    page.refresh_from_db()
    return client, page


def image_bytes(format="JPEG", size=(64, 48), exif=None):
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format, **options)
    return buffer.getvalue()


@pytest.fixture
def reviewer_client(editor):
    """The editor's own browser: `editor_client` shares `client` with `member_client`."""
    return logged_in(editor)


@pytest.fixture
def other_client(member):
    return logged_in(create_member("other@example.org", city=member.member_profile.city))
