"""The fixed top of the page tree: the home page (site root), the practice index and the
indexes of networks, events and reference documents."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from networks.models import INDEX_OF
from practices.models import PracticeIndexPage

from .models import HomePage


@transaction.atomic
def ensure_site_tree():
    """Create the home page and the practice index if missing, make the home page the
    default site's root; return both. Idempotent."""
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(
                title=_("Urban security good practices"),
                slug="knowledge-base",
                lead=(
                    "<p>How cities, companies and their networks protect crowded public places "
                    "together: practices from prevention to recovery, with their sources.</p>"
                ),
            )
        )
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80, is_default_site=True)
    previous_root = site.root_page if site.root_page_id else None
    if site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = _("Urban security good practices")
        site.save()
        # Wagtail's initial migration leaves an empty "Welcome" page as the old site root.
        if previous_root is not None and previous_root.specific_class is Page and not previous_root.get_children().exists():
            previous_root.delete()
    index = PracticeIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=PracticeIndexPage(title=_("Practices"), slug="practices"))
    for model in INDEX_OF.values():
        if not model.objects.exists():
            home.add_child(instance=model(title=str(model.default_title), slug=model.default_slug))
    return home, index


def listing_indexes():
    """The index page of each kind of listed page, by the model of its children."""
    return {page_model: index_model.objects.get() for page_model, index_model in INDEX_OF.items()}
