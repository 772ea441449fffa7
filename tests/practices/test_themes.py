"""Themes: five phases, nothing else can be saved."""

import pytest
from django.core.exceptions import ValidationError

from practices.models import PracticePage, Theme
from tests.helpers import admin_edit_form_data as edit_form_data, original

pytestmark = pytest.mark.django_db


def test_exactly_the_five_phases_exist():
    assert list(Theme.objects.values_list("name", flat=True)) == [
        "prevention", "protection", "mitigation", "response", "recovery",
    ]


def test_creating_a_sixth_theme_fails_with_a_clear_message():
    with pytest.raises(ValidationError) as error:
        Theme.objects.create(name="terrorism")
    assert "“terrorism” is not a theme" in str(error.value)
    assert not Theme.objects.filter(name="terrorism").exists()


def test_tagging_a_practice_with_an_unknown_theme_fails():
    practice = PracticePage.objects.first()
    with pytest.raises(ValidationError):
        practice.themes.add("surveillance")
    assert not Theme.objects.filter(name="surveillance").exists()


def test_admin_form_refuses_a_theme_outside_the_five(editor_client):
    practice = original(PracticePage, "nypd-shield-new-york")
    before = sorted(t.name for t in practice.themes.all())
    response = editor_client.post(
        f"/admin/pages/{practice.pk}/edit/", edit_form_data(practice, ["prevention", "terrorism"])
    )
    assert response.status_code == 200
    assert "Select a valid choice. terrorism is not one of the available choices." in response.content.decode()
    practice.refresh_from_db()
    assert sorted(t.name for t in practice.themes.all()) == before


def test_admin_form_saves_valid_themes(editor_client):
    practice = original(PracticePage, "nypd-shield-new-york")
    response = editor_client.post(
        f"/admin/pages/{practice.pk}/edit/", edit_form_data(practice, ["recovery", "response"])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    practice.refresh_from_db()
    assert sorted(t.name for t in practice.themes.all()) == ["recovery", "response"]


def test_admin_edit_page_shows_the_five_themes_as_check_boxes(editor_client):
    practice = original(PracticePage, "nypd-shield-new-york")
    html = editor_client.get(f"/admin/pages/{practice.pk}/edit/").content.decode()
    for value in ["prevention", "protection", "mitigation", "response", "recovery"]:
        assert f'name="themes" value="{value}"' in html
