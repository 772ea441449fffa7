"""The case study form, in the sections of the practice entry, and the editors' reject form.

Every field is optional to the form itself so that "Save draft" keeps unfinished answers;
"Submit" (final=True) adds the checks a publishable practice needs.
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from practices.blocks import SECTION_CHOICES
from practices.models import City, Organisation
from practices.models.vocabulary import (
    AccessLevel,
    CostBand,
    EvidenceLevel,
    Language,
    PartnershipModel,
    Sector,
    Status,
    TargetType,
    ThemeChoice,
)
from practices.rules import (
    END_BEFORE_START,
    MIN_PARTNERS,
    MIN_SOURCES,
    NO_PARTNER,
    NO_SOURCE,
    REQUIRED_FIELDS,
    REQUIRED_SECTIONS,
    YEAR_VALIDATORS,
    years_are_in_order,
)

from .sanitise import clean_html
from .uploads import clean_image, clean_pdf

PARTNER_ROWS = 5
CONTACT_ROWS = 3
SOURCE_ROWS = 5
UPLOAD_ROWS = 3
MAX_RICH_TEXT = 20_000
MAX_TOPICS = 20
HONEYPOT = "homepage"
BLANK = [("", "—")]
REQUIRED = _("This field is required.")


def _choices(choices_class):
    return BLANK + list(choices_class.choices)


class TextField(forms.CharField):
    """Free text with any NUL character dropped: people never type one, and PostgreSQL
    cannot store one, so it is removed rather than sending the whole form back."""

    def to_python(self, value):
        return super().to_python(value.replace("\x00", "") if isinstance(value, str) else value)


class RichTextField(TextField):
    """A rich-text answer: HTML reduced to the allow-list (sanitise.clean_html)."""

    widget = forms.Textarea(attrs={"rows": 6})

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_RICH_TEXT)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value):
        return clean_html(super().clean(value))


def _text(label, max_length, **kwargs):
    return TextField(label=label, max_length=max_length, required=False, **kwargs)


class CaseStudyForm(forms.Form):
    """The member's answers. `sections` groups the fields for the template, in order."""

    title = _text(_("Title"), 255, help_text=_("A short name for the practice."))
    summary = _text(
        _("Summary"), 600, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Plain text, at most 600 characters: shown on cards and in search results."),
    )
    language = forms.ChoiceField(label=_("Language of the case study"), choices=Language.choices, initial=Language.ENGLISH,
                                 required=False)
    access_level = forms.ChoiceField(
        label=_("Access level asked for"), choices=AccessLevel.choices, initial=AccessLevel.PUBLIC, required=False,
        help_text=_("Who may read the published entry. Editors confirm it."),
    )
    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.all(), required=False,
                                  help_text=_("The city where the work took place (for a national scheme: the lead city)."))
    further_cities = forms.ModelMultipleChoiceField(
        label=_("Further cities"), queryset=City.objects.all(), required=False, widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"), choices=ThemeChoice.choices, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("The phases this practice covers (at least one)."),
    )
    topics = _text(_("Topics"), 1000, help_text=_("Free keywords separated by commas: CCTV, lighting, crowd management..."))
    target_types = forms.MultipleChoiceField(
        label=_("Places protected"), choices=TargetType.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    partnership_models = forms.MultipleChoiceField(
        label=_("Partnership models"), choices=PartnershipModel.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    evidence_level = forms.ChoiceField(label=_("Evidence level"), choices=EvidenceLevel.choices,
                                       initial=EvidenceLevel.NOT_EVALUATED, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=_choices(Status), required=False)
    start_year = forms.IntegerField(label=_("Start year"), required=False, validators=YEAR_VALIDATORS)
    end_year = forms.IntegerField(label=_("End year"), required=False, validators=YEAR_VALIDATORS)
    cost_band = forms.ChoiceField(label=_("Cost band"), choices=_choices(CostBand), required=False)
    funding_public_share = forms.IntegerField(
        label=_("Public share of funding (%)"), required=False, validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    legal_privacy_notes = _text(
        _("Legal and privacy notes"), 5000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: a data protection impact assessment done for video analytics."),
    )
    commercial_interest = forms.TypedChoiceField(
        label=_("Does your company have a commercial interest in the measures described?"),
        choices=[("yes", _("Yes")), ("no", _("No"))], coerce=lambda value: value == "yes", empty_value=None,
        required=False, widget=forms.RadioSelect,
    )
    commercial_interest_details = _text(
        _("Details of the commercial interest"), 2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: your company sells or operates the equipment described."),
    )
    # Hidden from people by the template; bots that fill every field give themselves away.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, case_study=None, company=False, final=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.final = final
        self.company = company
        if not company:
            del self.fields["commercial_interest"]
            del self.fields["commercial_interest_details"]
        for kind, label in SECTION_CHOICES:
            self.fields[kind] = RichTextField(label=label)
        for i in range(1, PARTNER_ROWS + 1):
            # A name typed with suggestions from the organisations already known (one
            # <datalist> for all rows: hundreds of <option>s per row made the page slow).
            self.fields[f"partner_{i}_organisation"] = _text(
                _("Organisation"), 255, widget=forms.TextInput(attrs={"list": "known-organisations", "autocomplete": "off"}),
            )
            self.fields[f"partner_{i}_sector"] = forms.ChoiceField(
                label=_("Sector"), choices=_choices(Sector), required=False,
                help_text=_("Needed only for an organisation the knowledge base does not know yet."),
            )
            self.fields[f"partner_{i}_role"] = _text(_("Role"), 500, widget=forms.Textarea(attrs={"rows": 2}))
        for i in range(1, CONTACT_ROWS + 1):
            self.fields[f"contact_{i}_name"] = _text(_("Name"), 200)
            self.fields[f"contact_{i}_role"] = _text(_("Role"), 200)
            self.fields[f"contact_{i}_organisation"] = _text(_("Organisation"), 200)
            self.fields[f"contact_{i}_email"] = forms.EmailField(label=_("E-mail"), required=False)
            self.fields[f"contact_{i}_phone"] = _text(_("Phone"), 50)
        for i in range(1, SOURCE_ROWS + 1):
            self.fields[f"source_{i}_title"] = _text(_("Title"), 300)
            self.fields[f"source_{i}_url"] = forms.URLField(label=_("Address"), max_length=500, required=False, assume_scheme="https")
        self.attached_images = list(case_study.images.select_related("image")) if case_study and case_study.pk else []
        self.attached_documents = list(case_study.documents.select_related("document")) if case_study and case_study.pk else []
        for attached in self.attached_images:
            self.fields[f"image_{attached.pk}_alt"] = _text(_("Alternative text"), 250, initial=attached.alt_text,
                                                            help_text=_("What the image shows, for people who cannot see it."))
            self.fields[f"image_{attached.pk}_caption"] = _text(_("Caption"), 250, initial=attached.caption)
            self.fields[f"image_{attached.pk}_remove"] = forms.BooleanField(label=_("Remove this image"), required=False)
        for attached in self.attached_documents:
            self.fields[f"document_{attached.pk}_description"] = _text(_("Description"), 250, initial=attached.description)
            self.fields[f"document_{attached.pk}_remove"] = forms.BooleanField(label=_("Remove this document"), required=False)

    def rows(self, prefix, count, names):
        return [[self[f"{prefix}_{i}_{name}"] for name in names] for i in range(1, count + 1)]

    def sections(self):
        """(legend, fields) of the simple fieldsets, in the entry's order (the template
        adds partners after the classification, then contacts, sources and files)."""
        return [
            (_("The case study"), [self["title"], self["summary"], self["language"], self["access_level"]]),
            (_("Where"), [self["city"], self["further_cities"]]),
            (_("Classification"), [self["themes"], self["topics"], self["target_types"], self["partnership_models"]]),
            (_("The practice"), [self[kind] for kind, _label in SECTION_CHOICES]),
            (_("Evidence, years and cost"), [self[name] for name in (
                "evidence_level", "status", "start_year", "end_year", "cost_band", "funding_public_share")]),
            (_("Legal and privacy notes"), [self["legal_privacy_notes"]]),
        ]

    def partner_rows(self):
        return self.rows("partner", PARTNER_ROWS, ["organisation", "sector", "role"])

    @staticmethod
    def known_organisations():
        return Organisation.objects.values_list("name", flat=True)

    def contact_rows(self):
        return self.rows("contact", CONTACT_ROWS, ["name", "role", "organisation", "email", "phone"])

    def source_rows(self):
        return self.rows("source", SOURCE_ROWS, ["title", "url"])

    def image_rows(self):
        return [(a, self[f"image_{a.pk}_alt"], self[f"image_{a.pk}_caption"], self[f"image_{a.pk}_remove"])
                for a in self.attached_images]

    def document_rows(self):
        return [(a, self[f"document_{a.pk}_description"], self[f"document_{a.pk}_remove"]) for a in self.attached_documents]

    def clean_topics(self):
        topics = [" ".join(t.split()).lower()[:100] for t in self.cleaned_data["topics"].split(",")]
        topics = list(dict.fromkeys(t for t in topics if t))
        if len(topics) > MAX_TOPICS:
            raise forms.ValidationError(_("Give at most %(count)s topics."), params={"count": MAX_TOPICS})
        return topics

    def clean(self):
        cleaned = super().clean()
        if not years_are_in_order(cleaned.get("start_year"), cleaned.get("end_year")):
            self.add_error("end_year", END_BEFORE_START)
        if self.company and cleaned.get("commercial_interest") and not cleaned.get("commercial_interest_details"):
            self.add_error("commercial_interest_details", _("Describe the commercial interest."))
        if self.final:
            self._require_for_submission(cleaned)
        return cleaned

    def _require_sectors_of_new_organisations(self, cleaned):
        """An organisation the knowledge base does not know yet needs its sector: it is
        created on submit."""
        for i in range(1, PARTNER_ROWS + 1):
            name = cleaned.get(f"partner_{i}_organisation")
            if name and not cleaned.get(f"partner_{i}_sector") and not Organisation.objects.filter(name__iexact=name).exists():
                self.add_error(f"partner_{i}_sector", _("This organisation is new to the knowledge base: give its sector."))

    def _require_for_submission(self, cleaned):
        # What publishing needs (practices.rules), and the tier and evidence the editors review.
        for name in (*REQUIRED_FIELDS, "access_level", *REQUIRED_SECTIONS, "evidence_level"):
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, REQUIRED)
        self._require_sectors_of_new_organisations(cleaned)
        if self.company and cleaned.get("commercial_interest") is None and "commercial_interest" not in self.errors:
            self.add_error("commercial_interest", _("Say whether your company has a commercial interest."))
        partners = 0
        for i in range(1, PARTNER_ROWS + 1):
            has_organisation = cleaned.get(f"partner_{i}_organisation")
            if has_organisation and not cleaned.get(f"partner_{i}_role"):
                self.add_error(f"partner_{i}_role", _("Say what this partner did."))
            elif cleaned.get(f"partner_{i}_role") and not has_organisation:
                self.add_error(f"partner_{i}_organisation", _("Choose or name the organisation that played this role."))
            partners += bool(has_organisation)
        if partners < MIN_PARTNERS and "partner_1_organisation" not in self.errors:
            self.add_error("partner_1_organisation", NO_PARTNER)
        sources = 0
        for i in range(1, SOURCE_ROWS + 1):
            title, url = cleaned.get(f"source_{i}_title"), cleaned.get(f"source_{i}_url")
            if title and not url and f"source_{i}_url" not in self.errors:
                self.add_error(f"source_{i}_url", _("Give the address of this source."))
            elif url and not title:
                self.add_error(f"source_{i}_title", _("Give the title of this source."))
            sources += bool(title and url)
        if sources < MIN_SOURCES and "source_1_title" not in self.errors:
            self.add_error("source_1_title", NO_SOURCE)
        for i in range(1, CONTACT_ROWS + 1):
            if not cleaned.get(f"contact_{i}_name") and any(
                cleaned.get(f"contact_{i}_{name}") for name in ("role", "organisation", "email", "phone")
            ):
                self.add_error(f"contact_{i}_name", _("Give the name of this contact."))
        for attached in self.attached_images:
            if not cleaned.get(f"image_{attached.pk}_remove") and not cleaned.get(f"image_{attached.pk}_alt"):
                self.add_error(f"image_{attached.pk}_alt", _("Describe what the image shows."))

    def answers(self):
        """The cleaned answers as JSON: records by primary key, nothing about files."""
        answers = {}
        for name, value in self.cleaned_data.items():
            if name == HONEYPOT or name.startswith(("image_", "document_")):
                continue
            if hasattr(value, "pk"):
                value = value.pk
            elif hasattr(value, "values_list"):
                value = sorted(value.values_list("pk", flat=True))
            answers[name] = value
        return answers

    @classmethod
    def initial_from(cls, answers):
        """Form initial values from stored answers (topics back to one line)."""
        initial = dict(answers)
        initial["topics"] = ", ".join(answers.get("topics") or [])
        return initial


class UploadForm(forms.Form):
    """New images and documents. Each accepted file is stored at once (views.py), so a form
    shown again with errors elsewhere keeps it; a refused one gets its message here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, UPLOAD_ROWS + 1):
            self.fields[f"new_image_{i}"] = forms.FileField(
                label=_("Image"), required=False, help_text=_("JPEG, PNG or WebP, at most 10 MB and 40 megapixels."),
                widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            )
            self.fields[f"new_image_{i}_alt"] = _text(_("Alternative text"), 250,
                                                      help_text=_("What the image shows, for people who cannot see it."))
            self.fields[f"new_image_{i}_caption"] = _text(_("Caption"), 250)
            self.fields[f"new_document_{i}"] = forms.FileField(
                label=_("Document"), required=False, help_text=_("PDF, at most 20 MB."),
                widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
            )
            self.fields[f"new_document_{i}_description"] = _text(_("Description"), 250)

    def image_rows(self):
        return [[self[f"new_image_{i}{suffix}"] for suffix in ("", "_alt", "_caption")] for i in range(1, UPLOAD_ROWS + 1)]

    def document_rows(self):
        return [[self[f"new_document_{i}{suffix}"] for suffix in ("", "_description")] for i in range(1, UPLOAD_ROWS + 1)]

    def clean(self):
        cleaned = super().clean()
        self.accepted_images, self.accepted_documents = [], []
        for i in range(1, UPLOAD_ROWS + 1):
            upload = cleaned.get(f"new_image_{i}")
            if upload:
                try:
                    data, extension = clean_image(upload)
                except forms.ValidationError as error:
                    self.add_error(f"new_image_{i}", error)
                else:
                    self.accepted_images.append(
                        (data, extension, cleaned.get(f"new_image_{i}_alt", ""), cleaned.get(f"new_image_{i}_caption", ""))
                    )
            upload = cleaned.get(f"new_document_{i}")
            if upload:
                try:
                    data = clean_pdf(upload)
                except forms.ValidationError as error:
                    self.add_error(f"new_document_{i}", error)
                else:
                    self.accepted_documents.append((data, cleaned.get(f"new_document_{i}_description", "")))
        return cleaned


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejection"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Sent to the member by e-mail and shown in their list of case studies."),
    )
