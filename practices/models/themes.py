"""The theme and topic vocabularies, as django-taggit tag models: the five phases, and the
topics editors keep with a label in each language."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TagBase, TaggedItemBase
from wagtail.admin.panels import FieldPanel

from .language import in_active_language
from .vocabulary import THEME_DESCRIPTIONS, ThemeChoice


def validate_theme_name(value):
    if value not in ThemeChoice.values:
        raise ValidationError(
            _("“%(value)s” is not a theme. Themes are: %(themes)s."),
            code="invalid_theme",
            params={"value": value, "themes": ", ".join(ThemeChoice.values)},
        )


class Theme(TagBase):
    """One of the five phases; rows are created by a migration and never by editors."""

    # Wagtail's tag widget offers only existing tags for this model.
    free_tagging = False

    class Meta:
        ordering = ["pk"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    @property
    def label(self):
        return ThemeChoice(self.name).label

    @property
    def description(self):
        return THEME_DESCRIPTIONS[ThemeChoice(self.name)]

    def clean(self):
        validate_theme_name(self.name)
        if self.slug and self.slug != self.name:
            raise ValidationError({"slug": _("A theme's slug is its name.")})

    def save(self, *args, **kwargs):
        # Taggit creates tags through save(), whatever the caller: check here so that no
        # code path can store a sixth theme.
        validate_theme_name(self.name)
        self.slug = self.name
        super().save(*args, **kwargs)

    def __str__(self):
        return str(self.label)


class ThemedPractice(TaggedItemBase):
    tag = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="tagged_practices")
    content_object = ParentalKey("practices.PracticePage", on_delete=models.CASCADE, related_name="themed_items")


class Topic(TagBase):
    """A topic: its English label (taggit's `name`) and its French one."""

    name_fr = models.CharField(
        _("name in French"), max_length=100, blank=True,
        help_text=_("Empty only for a keyword a member gave, until an editor adds it; the English label is shown."),
    )
    free_tagging = False

    panels = [FieldPanel("name"), FieldPanel("name_fr"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    @property
    def label(self):
        """The label in the interface's language."""
        return in_active_language(en=self.name, fr=self.name_fr)

    def __str__(self):
        return self.label


class TaggedPracticeTopic(TaggedItemBase):
    tag = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="tagged_practices")
    content_object = ParentalKey("practices.PracticePage", on_delete=models.CASCADE, related_name="tagged_topics")
