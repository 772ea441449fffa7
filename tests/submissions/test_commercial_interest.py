"""A member from a company declares any commercial interest; the entry shows it."""

from django.test import Client
from django.urls import reverse

from submissions.models import CaseStudy

from .conftest import valid_answers


def company_client(company_member):
    client = Client()
    client.force_login(company_member)
    return client


def test_a_company_member_must_declare_and_give_details_when_yes(company_member):
    client = company_client(company_member)
    assert 'name="commercial_interest"' in client.get("/submit/").content.decode()
    response = client.post("/submit/", {**valid_answers(), "submit": "1"})
    assert "Say whether your company has a commercial interest." in response.content.decode()
    response = client.post("/submit/", {**valid_answers(commercial_interest="yes"), "submit": "1"})
    assert "Describe the commercial interest." in response.content.decode()
    assert not CaseStudy.objects.filter(page__isnull=False).exists()


def test_the_declaration_is_stored_on_the_practice_and_shown_once_published(company_member, editor):
    client = company_client(company_member)
    details = "We sell the radios described here."
    client.post("/submit/", {**valid_answers(commercial_interest="yes", commercial_interest_details=details), "submit": "1"})
    page = CaseStudy.objects.get(owner=company_member).page.specific
    page.get_latest_revision().publish(user=editor)
    page.refresh_from_db()
    assert page.commercial_interest is True and page.commercial_interest_details == details
    html = Client().get(page.url).content.decode()
    assert "Commercial interest of the submitter" in html and details in html


def test_no_commercial_interest_is_shown_as_none_declared(company_member, editor):
    client = company_client(company_member)
    client.post("/submit/", {**valid_answers(commercial_interest="no"), "submit": "1"})
    page = CaseStudy.objects.get(owner=company_member).page.specific
    page.get_latest_revision().publish(user=editor)
    assert "None declared" in Client().get(page.url).content.decode()


def test_members_of_a_city_are_not_asked(member_client, member):
    assert 'name="commercial_interest"' not in member_client.get("/submit/").content.decode()
    member_client.post("/submit/", {**valid_answers(), "submit": "1"})
    page = CaseStudy.objects.get(owner=member).page.specific
    assert page.get_latest_revision_as_object().commercial_interest is None
    assert reverse("submissions:my_case_studies") == "/my/case-studies/"
