"""A member's case study, once published, is translated by an editor like any entry."""

from django.urls import reverse
from wagtail.models import Locale

from .conftest import submit_and_publish


def test_an_editor_translates_a_published_case_study(member, editor, editor_client):
    _client, page = submit_and_publish(member, editor)
    assert page.content_language == "en"
    report = editor_client.get(reverse("translations_report")).content.decode()
    translate_url = reverse("simple_translation:submit_page_translation", args=[page.pk])
    assert translate_url in report

    response = editor_client.post(translate_url, {"locales": [Locale.objects.get(language_code="fr").pk]})
    assert response.status_code == 302
    draft = page.translations().get().specific
    draft.title, draft.summary = "Réseau radio partagé de la promenade du port", "Commerces, salles et police partagent un canal radio."
    draft.save_revision().publish()
    page.refresh_from_db()
    assert draft.original.pk == page.pk and draft.url.startswith("/fr/practices/")
    assert (draft.owner_organisation_id, draft.access_level, draft.city_id) == (page.owner_organisation_id, page.access_level, page.city_id)
    assert editor_client.get(draft.url).status_code == 200
    assert translate_url not in editor_client.get(reverse("translations_report")).content.decode()
