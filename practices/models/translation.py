"""Language versions of a page (Wagtail's locales and linked translations).

An entry is the group of pages that share a `translation_key`: its original, the first
page of the group to be created, and a translation in the other language. What does not
depend on the language (city, themes, tier, sources...) is the original's: a translation
takes it over on every save, and saving the original hands it on to its translations, in
the same transaction. Titles, summaries and the other texts are each version's own.
"""

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale


def interface_language():
    return (get_language() or "").split("-")[0]


def one_version_per_entry(queryset):
    """Each entry of a page queryset once: its version in the interface's language, or,
    when that version does not exist or is not live, the one that is in the queryset."""
    language = interface_language()
    in_language = queryset.model.objects.live().filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language
    )
    return queryset.filter(Q(locale__language_code=language) | ~Exists(in_language))


def other_versions(queryset, pages):
    """{translation_key: the version in `queryset` of each page's entry other than the page},
    in one query; the first one made where there are several."""
    versions = queryset.filter(translation_key__in=[page.translation_key for page in pages]).exclude(
        pk__in=[page.pk for page in pages]
    )
    # Latest first, so that the first made is the one kept.
    return {version.translation_key: version for version in versions.order_by("-pk")}


def entries_without_translation(model):
    """The live pages of `model` whose entry has no other live version (a draft
    translation may be under way)."""
    others = model.objects.live().filter(translation_key=OuterRef("translation_key")).exclude(pk=OuterRef("pk"))
    return model.objects.live().filter(~Exists(others))


def possibly_outdated_translations(model):
    """The live translations whose original was published again after they were: its
    text may have changed since (shared fields follow by themselves)."""
    original = model.objects.filter(translation_key=OuterRef("translation_key")).order_by("pk")
    return (
        model.objects.live()
        .annotate(original_published_at=Subquery(original.values("last_published_at")[:1]))
        .filter(original_published_at__gt=F("last_published_at"))
    )


class TranslatedPageForm(WagtailAdminPageForm):
    """The admin form of a translated page type: on a translation, the fields it shares
    with its original are shown but cannot be changed (they are the original's to edit,
    and saving would take them from the original anyway)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.disable_shared_fields()

    def disable_shared_fields(self):
        page = self.instance
        if not (page.pk and page.is_translation):
            return
        for name in [*page.shared_fields, *page.shared_tags]:
            field = self.fields.get(name)
            if field is not None:
                field.disabled = True
                field.help_text = _("Shared with the original, where it is edited.")


class TranslatedPageMixin:
    """For a Page subclass whose language versions share `shared_fields` (model fields,
    many-to-many fields included), `shared_tags` (ClusterTaggableManager names) and
    `shared_children` (child relations copied whole, such as the sources)."""

    shared_fields = ()
    shared_tags = ()
    shared_children = ()
    base_form_class = TranslatedPageForm

    @cached_property
    def original(self):
        """The first version created of this entry (itself for an original); a new page
        given an existing entry's translation_key is a translation of it."""
        first = type(self).objects.filter(translation_key=self.translation_key).order_by("pk").first()
        if first is None or first.pk == self.pk or (self.pk is not None and first.pk > self.pk):
            return self
        return first

    @property
    def is_translation(self):
        return self.original is not self

    @property
    def content_language(self):
        """The language this version is written in (its locale's)."""
        return self.locale.language_code

    @property
    def possibly_outdated(self):
        """A translation whose original was published again after it was."""
        original = self.original
        return bool(
            self.is_translation and original.last_published_at and self.last_published_at
            and original.last_published_at > self.last_published_at
        )

    def translations(self):
        """The other versions of this entry, whatever their state."""
        return type(self).objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)

    def take_shared_values(self, original):
        """Copy what the versions share from the original onto this unsaved state."""
        for name in self.shared_fields:
            field = self._meta.get_field(name)
            if field.many_to_many:
                setattr(self, name, list(getattr(original, name).all()))
            else:
                setattr(self, field.attname, getattr(original, field.attname))
        for name in self.shared_tags:
            getattr(self, name).set(list(getattr(original, name).all()))
        for name in self.shared_children:
            setattr(self, name, [copy_child(child) for child in getattr(original, name).all()])

    def save(self, *args, **kwargs):
        # A full save only: Wagtail's partial saves (update_fields) touch revision
        # bookkeeping, never content.
        full = kwargs.get("update_fields") is None
        if full and self.is_translation:
            self.take_shared_values(self.original)
        result = super().save(*args, **kwargs)
        if full and self.pk is not None and not self.is_translation:
            for translation in self.translations():
                translation.specific.save()
        return result


def withdraw_translations(sender, instance, **kwargs):
    """Unpublishing an original withdraws the entry in every language: a translation is
    never live without its original."""
    page = instance.specific
    if isinstance(page, TranslatedPageMixin) and not page.is_translation:
        for version in page.translations().live():
            version.specific.unpublish(user=kwargs.get("user"))


def copy_child(child):
    """An unsaved copy of a child object (a source, a partner), without its page."""
    values = {
        field.attname: getattr(child, field.attname)
        for field in child._meta.concrete_fields
        if not field.primary_key and field.name != "page"
    }
    return type(child)(**values)


class OnePerLanguage:
    """For a page type the site has once per language (the home page, the indexes)."""

    @classmethod
    def in_language(cls, language=None):
        """The page in `language` (default: the interface's), else in the default language."""
        pages = cls.objects.select_related("locale")
        wanted = language or interface_language()
        return pages.filter(locale__language_code=wanted).first() or pages.filter(locale=Locale.get_default()).first()
