import pytest

from accounts.models import MemberProfile
from practices.models import City, Organisation, PracticeIndexPage, PracticePage
from practices.models.vocabulary import Sector
from tests.helpers import create_member, create_staff, logged_in

# A word only the protected body holds: seeing it means reading the entry.
BODY_WORD = "Quillonwharf"


@pytest.fixture
def harbour_authority(db):
    return Organisation.objects.create(name="Harbour Authority", slug="harbour-authority", sector=Sector.PUBLIC)


def build_practice(title, slug, access_level="restricted", owner_organisation=None):
    page = PracticePage(
        title=title, slug=slug, access_level=access_level, owner_organisation=owner_organisation,
        summary="Sensors and stewards along the quay during ferry arrivals.",
        city=City.objects.order_by("pk").first(), language="en",
        body=[{"type": "section", "value": {"kind": "context", "content": [
            {"type": "paragraph", "value": f"<p>The {BODY_WORD} gates close in ninety seconds.</p>"}
        ]}}],
    )
    PracticeIndexPage.in_language("en").add_child(instance=page)
    return page


@pytest.fixture
def restricted_page(harbour_authority):
    return build_practice("Quay gates at ferry arrivals", "quay-gates", owner_organisation=harbour_authority)


def create_organisation_editor(username, organisation, language="en"):
    """A user of the Editors group who works for `organisation` (so decides its entries)."""
    user = create_staff(username)
    MemberProfile.objects.create(
        user=user, organisation=organisation, role="Editor", status=MemberProfile.Status.APPROVED, language=language
    )
    return user


@pytest.fixture
def owner_editor(harbour_authority):
    return create_organisation_editor("harbour-editor", harbour_authority, language="fr")


@pytest.fixture
def other_editor(db):
    elsewhere = Organisation.objects.create(name="Rail Operator", slug="rail-operator", sector=Sector.PRIVATE)
    return create_organisation_editor("rail-editor", elsewhere)


@pytest.fixture
def owner_client(owner_editor):
    return logged_in(owner_editor)


@pytest.fixture
def other_editor_client(other_editor):
    return logged_in(other_editor)


@pytest.fixture
def non_member_client(db):
    return logged_in(create_member("pending@example.org", status=MemberProfile.Status.PENDING))
