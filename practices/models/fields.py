from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class MultipleChoiceField(models.JSONField):
    """A list of values from a fixed set of choices, stored as JSON.

    Used for short controlled lists (target types, partnership models) that are read with
    the entry and never joined on; the search index carries them for faceting.
    """

    def __init__(self, *args, choices_class=None, **kwargs):
        self.choices_class = choices_class
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_class"] = self.choices_class
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = set(self.choices_class.values)
        if not isinstance(value, list):
            raise ValidationError(_("Expected a list of values."), code="invalid")
        unknown = [item for item in value if item not in allowed]
        if unknown:
            raise ValidationError(
                _("Unknown value(s): %(values)s. Allowed: %(allowed)s."),
                code="invalid_choice",
                params={"values": ", ".join(map(str, unknown)), "allowed": ", ".join(sorted(allowed))},
            )

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices_class.choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
        )
