"""The theme vocabulary: a django-taggit tag model that accepts only the five phases."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TagBase, TaggedItemBase

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


class TaggedPracticeTopic(TaggedItemBase):
    content_object = ParentalKey("practices.PracticePage", on_delete=models.CASCADE, related_name="tagged_topics")
