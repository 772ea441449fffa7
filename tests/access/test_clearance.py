"""The clearance rule of issue 5, beyond what the leak suite's four viewers cover."""

import pytest
from django.contrib.auth.models import Group

from accounts.models import MemberProfile
from practices.access import clearance
from practices.models import PracticePage
from tests.helpers import create_member, original

pytestmark = pytest.mark.django_db


def restricted(slug="cssc-london", **fields):
    page = original(PracticePage, slug)
    page.access_level = "restricted"
    for name, value in fields.items():
        setattr(page, name, value)
    page.save()
    return page


def test_a_named_group_clears_its_approved_members(client):
    transport = Group.objects.create(name="Transport operators")
    page = restricted(restricted_groups=[transport])
    member = create_member("operator@example.org")
    client.force_login(member)
    assert client.get(page.url).status_code == 403

    member.groups.add(transport)
    response = client.get(page.url)  # a new request: clearance is computed again
    assert response.status_code == 200 and page.title in response.content.decode()


def test_a_pending_member_in_a_named_group_is_not_cleared(client):
    transport = Group.objects.create(name="Transport operators")
    page = restricted(restricted_groups=[transport])
    pending = create_member("pending@example.org", status=MemberProfile.Status.PENDING)
    pending.groups.add(transport)
    assert not clearance(pending).allows(page)
    client.force_login(pending)
    assert client.get(page.url).status_code == 403


def test_a_network_entry_with_a_public_summary_shows_only_title_and_summary(client):
    page = original(PracticePage, "cssc-london")
    page.access_level, page.summary_is_public = "network", True
    page.save()
    body_words = [block.value["content"][0].value.source for block in page.body][:1]
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert page.title in html and page.summary in html and "TLP:GREEN" in html
    assert "Log in" in html and "request membership" in html
    assert "Partners" not in html and "Sources" not in html
    assert body_words and body_words[0] not in html
    assert response["Cache-Control"] == "private"


def test_a_member_sees_contacts_on_a_public_entry_and_a_visitor_does_not(client):
    page = original(PracticePage, "cssc-london")
    page.contacts = [{"type": "contact", "value": {"name": "Jo Contact", "email": "jo@example.org"}}]
    page.save()
    assert "jo@example.org" not in client.get(page.url).content.decode()
    client.force_login(create_member())
    assert "jo@example.org" in client.get(page.url).content.decode()


def test_an_uncleared_member_asks_for_access_from_the_entry_itself(client):
    page = restricted()
    client.force_login(create_member("asker@example.org"))
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 403 and "TLP:AMBER" in html
    assert page.title not in html  # no public summary: not even the title
    assert f'action="/practices/{page.pk}/request-access/"' in html

    response = client.post(f"/practices/{page.pk}/request-access/", {"reason": "We run the same stations."}, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == page.url
    assert "awaits a decision" in html and 'class="messages"' in html
