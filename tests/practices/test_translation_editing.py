"""What editors see of translations: the admin's list of entries to translate or to check,
the site's note on a translation whose original changed, and the Translate action."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from practices.models import City, PracticePage

from tests.helpers import admin_edit_form_data, original, publish

pytestmark = pytest.mark.django_db

OUTDATED_NOTE = {
    "en": "The original has changed since this translation was published",
    "fr": "L’original a changé depuis la publication de cette traduction",
}


def report(editor_client):
    return editor_client.get(reverse("translations_report")).content.decode()


def section(html, anchor):
    """The part of the report under the heading with this id."""
    return html.split(f'id="{anchor}"', 1)[1].split("<h2", 1)[0]


def test_the_demonstration_content_has_nothing_to_translate_or_check(editor_client):
    html = report(editor_client)
    assert "None: every live entry has its translation." in section(html, "missing")
    assert "None: no original changed after its translation." in section(html, "outdated")


def test_the_report_is_for_editors_only(client, member_client):
    assert client.get(reverse("translations_report")).status_code == 302
    assert member_client.get(reverse("translations_report")).status_code in (302, 403)


def test_a_translation_is_marked_possibly_out_of_date_until_it_is_published_after_its_original(client, editor_client):
    page = original(PracticePage, "cssc-london")
    translation = page.translations().get().specific
    language = translation.content_language
    assert OUTDATED_NOTE[language] not in client.get(translation.url).content.decode()

    page.summary += " The scheme was reviewed."
    publish(page)
    html = client.get(translation.url).content.decode()
    assert OUTDATED_NOTE[language] in html
    outdated = section(report(editor_client), "outdated")
    assert reverse("wagtailadmin_pages:edit", args=[translation.pk]) in outdated
    # The original itself carries no such note.
    assert "This page is a translation." not in client.get(page.url).content.decode()

    translation.refresh_from_db()
    translation.summary += " (revu)"
    publish(translation)
    assert OUTDATED_NOTE[language] not in client.get(translation.url).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[translation.pk]) not in section(report(editor_client), "outdated")


def test_an_untranslated_entry_is_listed_and_the_translate_action_makes_its_translation(editor_client):
    page = original(PracticePage, "cssc-london")
    page.translations().delete()
    missing = section(report(editor_client), "missing")
    translate_url = reverse("simple_translation:submit_page_translation", args=[page.pk])
    assert translate_url in missing

    french = Locale.objects.get(language_code="fr")
    response = editor_client.post(translate_url, {"locales": [french.pk]})
    assert response.status_code == 302
    draft = page.translations().get().specific
    assert draft.locale == french and draft.original.pk == page.pk
    # What the versions share came with it; the texts are the editor's to write.
    assert (draft.city_id, draft.access_level) == (page.city_id, page.access_level)
    assert set(draft.themes.values_list("pk", flat=True)) == set(page.themes.values_list("pk", flat=True))
    missing = section(report(editor_client), "missing")
    assert translate_url not in missing
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in missing, "the draft translation is at hand"


def test_a_translation_edit_form_shows_the_shared_fields_without_letting_them_change(editor_client):
    page = original(PracticePage, "cssc-london")
    translation = page.translations().get().specific
    edit_url = reverse("wagtailadmin_pages:edit", args=[translation.pk])
    form = editor_client.get(edit_url).context["form"]
    assert form.fields["city"].disabled and form.fields["access_level"].disabled and form.fields["themes"].disabled
    assert not form.fields["title"].disabled and not form.fields["summary"].disabled

    other_city = City.objects.exclude(pk=page.city_id).first()
    data = admin_edit_form_data(translation, themes=["recovery"])
    data.update(city=other_city.pk, access_level="restricted", summary="Résumé revu par un éditeur.")
    response = editor_client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    translation.refresh_from_db()
    assert translation.summary == "Résumé revu par un éditeur."
    assert (translation.city_id, translation.access_level) == (page.city_id, page.access_level)
    assert set(translation.themes.values_list("pk", flat=True)) == set(page.themes.values_list("pk", flat=True))
    # The original's edit form is editable as ever.
    assert not editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).context["form"].fields["city"].disabled
