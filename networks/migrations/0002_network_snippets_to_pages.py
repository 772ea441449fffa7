"""The former Network snippets become network pages under a network index, with their
member cities; nothing is lost (practices.0006 then drops the snippet).

Historical models have no treebeard methods, so the page tree paths are computed here as
treebeard does: four base-36 characters per level.
"""

import uuid

from django.db import migrations
from django.utils.text import slugify

STEP = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(number):
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEP, "0")


def _add_child(apps, parent, model, **fields):
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    position = int(last.path[-STEP:], 36) + 1 if last else 1
    content_type, _ = ContentType.objects.get_or_create(app_label="networks", model=model._meta.model_name)
    child = model.objects.create(
        path=parent.path + _step(position), depth=parent.depth + 1, numchild=0,
        url_path=f"{parent.url_path}{fields['slug']}/", content_type=content_type, locale_id=parent.locale_id,
        draft_title=fields["title"], live=True, has_unpublished_changes=False, translation_key=uuid.uuid4(),
        **fields,
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    parent.numchild += 1
    return child


def _network_index(apps):
    NetworkIndexPage = apps.get_model("networks", "NetworkIndexPage")
    index = NetworkIndexPage.objects.first()
    if index is not None:
        return index
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    site = Site.objects.filter(is_default_site=True).first()
    home = Page.objects.get(pk=site.root_page_id) if site else Page.objects.filter(depth=2).order_by("path").first()
    if home is None:
        home = Page.objects.get(depth=1)
    return _add_child(apps, home, NetworkIndexPage, title="Networks", slug="networks")


def snippets_to_pages(apps, schema_editor):
    Network = apps.get_model("practices", "Network")
    NetworkPage = apps.get_model("networks", "NetworkPage")
    NetworkSource = apps.get_model("networks", "NetworkSource")
    Membership = NetworkPage._meta.get_field("member_cities").remote_field.through
    networks = list(Network.objects.order_by("name").prefetch_related("cities"))
    if not networks:
        return
    index = _network_index(apps)
    taken = set(NetworkPage.objects.values_list("slug", flat=True))
    for network in networks:
        slug = base = slugify(network.name)[:100] or f"network-{network.pk}"
        suffix = 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(slug)
        page = _add_child(
            apps, index, NetworkPage, title=network.name, slug=slug, website=network.website,
            summary="",
        )
        # Through the join table: a historical model has no modelcluster relation manager.
        Membership.objects.bulk_create(Membership(networkpage_id=page.pk, city_id=city.pk) for city in network.cities.all())
        if network.website:
            NetworkSource.objects.create(page=page, sort_order=0, title=network.name, url=network.website)


class Migration(migrations.Migration):

    dependencies = [
        ("networks", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(snippets_to_pages, migrations.RunPython.noop)]
