"""A case study asked to be restricted stays readable by the organisation that sent it."""

from django.test import Client

from tests.helpers import create_member

from .conftest import submit_and_publish


def test_a_restricted_case_study_names_the_submitting_organisation(company_member, editor):
    client, page = submit_and_publish(company_member, editor, access_level="restricted", commercial_interest="no")
    company = company_member.member_profile.organisation
    assert page.access_level == "restricted" and page.owner_organisation == company
    assert list(page.restricted_organisations.all()) == [company]
    assert client.get(page.url).status_code == 200

    colleague = create_member("colleague@example.org", organisation=company)
    outsider = create_member("outsider@example.org")
    for member, status in ((colleague, 200), (outsider, 403)):
        other = Client()
        other.force_login(member)
        assert other.get(page.url).status_code == status
    assert Client().get(page.url).status_code == 302


def test_a_city_member_can_read_the_restricted_case_study_they_sent(member, editor):
    client, page = submit_and_publish(member, editor, access_level="restricted")
    assert page.owner_organisation is None and not page.restricted_organisations.exists()
    response = client.get(page.url)
    assert response.status_code == 200 and "TLP:AMBER" in response.content.decode()
