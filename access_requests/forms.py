from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AccessRequest

REASON_MAX_LENGTH = AccessRequest._meta.get_field("reason").max_length


class AccessRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need access?"),
        help_text=_("Say what you work on and how this entry would help. The editors who decide read it."),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Tell the editors why you need access to this entry.")},
    )


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the member"),
        help_text=_("Optional. Sent to the member with the decision."),
        max_length=AccessRequest._meta.get_field("decision_note").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
