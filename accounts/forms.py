"""Forms of the member pages and of the editors' member admin."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm, PasswordResetForm
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import MemberProfile
from .roles import member_profile

# Members log in with their e-mail address, stored as their username too: the username's
# unique index then keeps e-mail addresses unique even when two people register at once.
EMAIL_MAX_LENGTH = get_user_model()._meta.get_field("username").max_length


def normalise_email(value):
    return value.strip().lower()


def email_in_use(email):
    User = get_user_model()
    return User.objects.filter(email__iexact=email).exists() or User.objects.filter(username__iexact=email).exists()


class MemberOrganisationField(forms.ChoiceField):
    """One select, two groups: cities and organisations. The value is "city:<slug>" or
    "organisation:<slug>"; cleaning returns the City or Organisation record."""

    @staticmethod
    def kinds():
        """The City and Organisation models, as the member profile's relations name them."""
        return {kind: MemberProfile._meta.get_field(kind).related_model for kind in ("city", "organisation")}

    @classmethod
    def kind_of(cls, record):
        return next((kind for kind, model in cls.kinds().items() if isinstance(record, model)), None)

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Member organisation"))
        kwargs.setdefault(
            "help_text", _("The city or the organisation you work for. Not in the list? Write to the network secretariat.")
        )
        super().__init__(choices=self.grouped_choices, **kwargs)

    @staticmethod
    def grouped_choices():
        models = MemberOrganisationField.kinds()
        return [
            ("", _("Choose your city or organisation")),
            (_("Cities"), [(f"city:{city.slug}", str(city)) for city in models["city"].objects.order_by("name")]),
            (_("Organisations"), [(f"organisation:{org.slug}", org.name) for org in models["organisation"].objects.order_by("name")]),
        ]

    def clean(self, value):
        value = super().clean(value)  # required, and one of the choices
        if not value:
            return None
        kind, _sep, slug = value.partition(":")
        try:
            return self.kinds()[kind].objects.get(slug=slug)
        except (KeyError, ObjectDoesNotExist):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})

    def prepare_value(self, value):
        kind = self.kind_of(value)
        return f"{kind}:{value.slug}" if kind else value


class MemberDetailsMixin(forms.Form):
    """Name, e-mail, organisation and role: what both a registration and an invitation ask."""

    first_name = forms.CharField(label=_("First name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    last_name = forms.CharField(label=_("Last name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"}))
    email = forms.EmailField(
        label=_("E-mail address"), max_length=EMAIL_MAX_LENGTH,
        help_text=_("You will log in with this address."), widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = MemberOrganisationField()
    role = forms.CharField(
        label=_("Your role"), max_length=200, help_text=_("Your job or role in the organisation, for example: security officer."),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )

    email_in_use_message = _("An account already uses this e-mail address.")

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        if email_in_use(email):
            raise ValidationError(self.email_in_use_message, code="email_in_use")
        return email

    def build_profile(self, user, **fields):
        organisation = self.cleaned_data["organisation"]
        kind = MemberOrganisationField.kind_of(organisation)
        return MemberProfile(
            user=user, role=self.cleaned_data["role"],
            city=organisation if kind == "city" else None,
            organisation=organisation if kind == "organisation" else None,
            **fields,
        )


class RegistrationForm(MemberDetailsMixin, BaseUserCreationForm):
    # A field people never see (hidden by the style sheet, skipped by keyboard and autofill):
    # only robots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"), required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    email_in_use_message = _(
        "An account already uses this e-mail address. Log in, or reset your password if you forgot it."
    )

    class Meta(BaseUserCreationForm.Meta):
        fields = ("first_name", "last_name", "email")

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise ValidationError(_("This field must be left empty."), code="honeypot")
        return ""

    def _post_clean(self):
        # The password validators compare the password with the username too.
        if self.cleaned_data.get("email"):
            self.instance.username = self.cleaned_data["email"]
        super()._post_clean()

    @transaction.atomic
    def save(self, language):
        user = super().save()
        profile = self.build_profile(user, language=language)
        profile.save()
        return profile


class InvitationForm(MemberDetailsMixin):
    language = forms.ChoiceField(
        label=_("Language of the e-mails"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The editor fills this form in for someone else.
        self.fields["email"].help_text = _("The person will log in with this address.")
        self.fields["organisation"].help_text = _("The city or the organisation the person works for.")
        self.fields["role"].label, self.fields["role"].help_text = _("Role"), _("Their job or role in the organisation.")

    def save(self, approved_by, decided_at):
        user = get_user_model()(
            username=self.cleaned_data["email"], email=self.cleaned_data["email"],
            first_name=self.cleaned_data["first_name"], last_name=self.cleaned_data["last_name"],
        )
        user.set_unusable_password()  # the member chooses one through the e-mailed link
        user.save()
        profile = self.build_profile(
            user, language=self.cleaned_data["language"], status=MemberProfile.Status.APPROVED,
            decided_by=approved_by, decided_at=decided_at,
        )
        profile.save()
        return profile


class RefusalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the person in the e-mail that tells them the registration was refused."),
    )


class MemberAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("This e-mail address and password do not match an account. Check them, or reset your password."),
        "pending": _(
            "Your membership is awaiting approval. An editor of the network checks each registration; "
            "you will receive an e-mail when yours is approved, and you can log in then."
        ),
        "refused": _("Your registration was not approved, so you cannot log in. For questions, write to the network secretariat."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        username.label = _("E-mail address")
        # Not type="email": editors may still log in with their username.
        username.widget.attrs.update({"autocomplete": "username", "inputmode": "email"})

    def confirm_login_allowed(self, user):
        """Called only once the password is right: a pending member learns why they cannot
        log in, and nobody else learns anything about the account."""
        super().confirm_login_allowed(user)
        profile = member_profile(user)
        if profile is not None and not profile.is_approved:
            code = "refused" if profile.status == MemberProfile.Status.REFUSED else "pending"
            raise ValidationError(self.error_messages[code], code=code)


class MemberPasswordResetForm(PasswordResetForm):
    def get_users(self, email):
        """Django skips accounts without a usable password; invited members who have not yet
        chosen one may need a fresh link too (the invitation's link expires)."""
        yield from super().get_users(email)
        invited = get_user_model()._default_manager.filter(
            email__iexact=email, is_active=True, member_profile__status=MemberProfile.Status.APPROVED
        )
        yield from (user for user in invited if not user.has_usable_password())
