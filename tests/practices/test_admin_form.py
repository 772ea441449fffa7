"""The admin's practice form applies the publishable-practice rules of practices.rules."""

import pytest
from wagtail.users.models import UserProfile

from practices.models import PracticePage
from tests.helpers import admin_edit_form_data, original

pytestmark = pytest.mark.django_db


def post_edit(editor_client, practice, section_kinds):
    data = admin_edit_form_data(practice, [t.name for t in practice.themes.all()], section_kinds)
    return editor_client.post(f"/admin/pages/{practice.pk}/edit/", data)


def test_the_admin_refuses_an_entry_without_its_implementation_section(editor_client):
    practice = original(PracticePage, "nypd-shield-new-york")
    before = [block.value["kind"] for block in practice.body]
    response = post_edit(editor_client, practice, ["context", "results"])
    assert response.status_code == 200
    assert "Add these sections: Implementation." in response.content.decode()
    practice.refresh_from_db()
    assert [block.value["kind"] for block in practice.body] == before


def test_the_admin_names_the_missing_sections_in_french(editor, editor_client):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    practice = original(PracticePage, "nypd-shield-new-york")
    response = post_edit(editor_client, practice, ["results"])
    assert response.status_code == 200
    assert "Ajoutez ces sections :" in response.content.decode()


def test_the_admin_publishes_an_entry_with_both_sections(editor_client):
    practice = original(PracticePage, "nypd-shield-new-york")
    assert post_edit(editor_client, practice, ["context", "implementation"]).status_code == 302
