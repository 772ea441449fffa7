"""The fixed top of the page tree, in every content language: the home page (the site's
root in the default language; the other languages' home pages are its translations) and,
under each, the practice index and the indexes of networks, events and reference
documents."""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from networks.models import INDEX_OF
from practices.models import PracticeIndexPage

from .models import HomePage, SiteSettings


def _home_values():
    return {
        "title": _("Urban security good practices"),
        "lead": "<p>{}</p>".format(_(
            "How cities, companies and their networks protect crowded public places together: "
            "practices from prevention to recovery, with their sources."
        )),
    }


@transaction.atomic
def ensure_site_tree():
    """Create what is missing of the fixed tree, in every content language, and make the
    default language's home page the default site's root; return the home page and the
    practice index of the default language. Idempotent."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    default = locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=default).first()
    if home is None:
        with translation.override(settings.LANGUAGE_CODE):
            home = Page.get_first_root_node().add_child(instance=HomePage(slug="knowledge-base", locale=default, **_home_values()))
    _make_site_root(home)
    # The settings row, which Wagtail would otherwise create on the first page served (a
    # write on a read, and a change that drops the cached pages).
    SiteSettings.load()
    with translation.override(settings.LANGUAGE_CODE):
        indexes = [_ensure_child(home, PracticeIndexPage, _("Practices"), "practices")] + [
            _ensure_child(home, model, str(model.default_title), model.default_slug) for model in INDEX_OF.values()
        ]
    # The other languages' pages are translations of these, linked to them.
    for code, locale in locales.items():
        if locale == default:
            continue
        with translation.override(code):
            _translation_of(home, locale, _home_values())
            for index in indexes:
                _translation_of(index, locale, {"title": _index_title(index)})
    return home, indexes[0]


def _index_title(index):
    """An index page's title in the active language."""
    if isinstance(index, PracticeIndexPage):
        return _("Practices")
    return str(type(index).default_title)


def _make_site_root(home):
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80, is_default_site=True)
    previous_root = site.root_page if site.root_page_id else None
    if site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        # Wagtail's initial migration leaves an empty "Welcome" page as the old site root.
        if previous_root is not None and previous_root.specific_class is Page and not previous_root.get_children().exists():
            previous_root.delete()


def _translation_of(page, locale, values):
    """The page's translation in `locale`, created and published with `values` if missing."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    version = page.copy_for_translation(locale)
    for name, value in values.items():
        setattr(version, name, value)
    version.save_revision().publish()
    return version


def _ensure_child(parent, model, title, slug):
    """The parent's child of this model, created (in the parent's locale) if missing."""
    child = model.objects.child_of(parent).first()
    if child is None:
        child = parent.add_child(instance=model(title=title, slug=slug))
    return child


def listing_indexes(language=None):
    """The index page of each kind of listed page in a language (default: the site's), by
    the model of its children."""
    language = language or settings.LANGUAGE_CODE
    return {page_model: index_model.in_language(language) for page_model, index_model in INDEX_OF.items()}
