"""Abuse: CSRF, the honeypot and the per-member rate limit."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from practices.models import PracticePage
from submissions.models import CaseStudy

from .conftest import valid_answers


def test_a_post_without_the_csrf_token_is_refused(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post("/submit/", {"title": "No token", "save_draft": "1"})
    assert response.status_code == 403
    assert not CaseStudy.objects.exists()


def test_a_filled_honeypot_is_refused_and_nothing_is_stored(member_client):
    response = member_client.post("/submit/", {**valid_answers(), "homepage": "https://spam.example", "submit": "1"})
    assert response.status_code == 400
    assert "nothing was stored" in response.content.decode()
    assert not CaseStudy.objects.exists()


def test_the_honeypot_is_hidden_from_people(member_client):
    html = member_client.get("/submit/").content.decode()
    assert 'aria-hidden="true"' in html and 'name="homepage"' in html and 'tabindex="-1"' in html


def _earlier_submissions(member, count, ago=timedelta(minutes=5)):
    case_study = CaseStudy.objects.create(owner=member, answers={"title": "Earlier"})
    for _ in range(count):
        log(instance=case_study, action="submissions.submit", user=member)
    ModelLogEntry.objects.filter(user=member).update(timestamp=timezone.now() - ago)


def test_the_eleventh_submission_in_an_hour_is_refused_with_the_answers_kept(member_client, member, settings):
    assert settings.SUBMISSIONS_RATE_LIMITS["submissions.submit"] == 10
    _earlier_submissions(member, 10)
    data = valid_answers(title="One too many")
    response = member_client.post("/submit/", {**data, "submit": "1"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "You can do this 10 times an hour." in html
    assert 'value="One too many"' in html and data["summary"] in html
    assert not PracticePage.objects.filter(title="One too many").exists()
    assert CaseStudy.objects.filter(owner=member).count() == 1  # only the earlier one


def test_submissions_older_than_an_hour_do_not_count(member_client, member):
    _earlier_submissions(member, 10, ago=timedelta(minutes=61))
    response = member_client.post("/submit/", {**valid_answers(), "submit": "1"})
    assert response.status_code == 302


def test_the_limit_is_per_member(member_client, member, other_client):
    _earlier_submissions(member, 10)
    assert other_client.post("/submit/", {**valid_answers(), "submit": "1"}).status_code == 302
