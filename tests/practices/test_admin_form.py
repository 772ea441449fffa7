"""The admin's practice form applies the publishable-practice rules of practices.rules."""

import pytest
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from practices.models import PracticeIndexPage, PracticePage


def body_errors(editor, section_kinds):
    """The errors the admin form gives on the body of a practice holding these sections."""
    form_class = PracticePage.get_edit_handler().get_form_class()
    sections = [
        ("section", {"kind": kind, "content": streamfield([("paragraph", rich_text("<p>What happened.</p>"))])})
        for kind in section_kinds
    ]
    data = nested_form_data({"title": "Radio link", "slug": "radio-link", "body": streamfield(sections), "contacts": streamfield([])})
    form = form_class(data, instance=PracticePage(), parent_page=PracticeIndexPage.objects.first(), for_user=editor)
    form.is_valid()
    return [str(error) for error in form.errors.get("body", [])]


@pytest.mark.django_db
def test_the_admin_form_asks_for_the_context_and_implementation_sections(editor):
    assert body_errors(editor, ["context", "implementation", "results"]) == []
    assert body_errors(editor, ["context"]) == ["Add these sections: Implementation."]
    with translation.override("fr"):
        errors = body_errors(editor, ["results"])
    assert len(errors) == 1 and errors[0].startswith("Ajoutez ces sections")
