"""The practice entry and the index page that lists practices."""

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.db import models
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..access import can_view_contacts, can_view_practice, clearance
from ..blocks import ContactBlock, SectionBlock
from ..rules import (
    END_BEFORE_START,
    MIN_PARTNERS,
    MIN_SOURCES,
    YEAR_VALIDATORS,
    missing_sections,
    missing_sections_message,
    years_are_in_order,
)
from .fields import MultipleChoiceField
from .sources import Source
from .themes import TaggedPracticeTopic, ThemedPractice
from .translation import OnePerLanguage, TranslatedPageForm, TranslatedPageMixin, copy_child, one_version_per_entry
from .vocabulary import (
    AccessLevel,
    CostBand,
    EvidenceLevel,
    Language,
    PartnershipModel,
    Region,
    Sector,
    Status,
    TargetType,
    ThemeChoice,
)

RELATED_CANDIDATES = 50


def practice_cards(queryset):
    """A practice queryset with what a card shows, in a fixed number of queries."""
    return queryset.select_related("city", "locale").prefetch_related("themes")


def visible_practices(user):
    """The live entries this viewer may read, each once, in the interface's language
    where it has a version in it."""
    return one_version_per_entry(PracticePage.objects.live().filter(clearance(user).practice_filter()))


class PracticePageForm(TranslatedPageForm):
    """Admin form: themes are five check boxes, so no other value can be entered."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"] = forms.MultipleChoiceField(
            label=_("Themes"),
            choices=ThemeChoice.choices,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("The phases this practice covers (at least one)."),
        )
        if self.instance.pk:
            # Also when bound: a translation's themes are disabled, and a disabled field
            # keeps its initial value whatever is posted.
            self.initial["themes"] = [theme.name for theme in self.instance.themes.all()]
        self.disable_shared_fields()

    def clean(self):
        cleaned_data = super().clean()
        body = cleaned_data.get("body")
        if body is not None:
            kinds = (block.value["kind"] for block in body if block.block_type == "section" and block.value["content"])
            missing = missing_sections(kinds)
            if missing:
                self.add_error("body", missing_sections_message(missing))
        return cleaned_data


class PracticeIndexPage(OnePerLanguage, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["kb.HomePage"]
    subpage_types = ["practices.PracticePage"]
    max_count = 1

    class Meta:
        verbose_name = _("practice index")

    def filtered_practices(self, request):
        """The practices the visitor may see, filtered by the query string: those of every
        language, each once (an entry not yet translated is listed in its own language)."""
        practices = visible_practices(request.user)
        filters = {}
        theme = request.GET.get("theme", "")
        if theme in ThemeChoice.values:
            practices = practices.filter(themes__name=theme)
            filters["theme"] = ThemeChoice(theme).label
        region = request.GET.get("region", "")
        if region in Region.values:
            practices = practices.filter(city__region=region)
            filters["region"] = Region(region).label
        return practices.order_by("-first_published_at", "title"), filters

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        practices, filters = self.filtered_practices(request)
        paginator = Paginator(practice_cards(practices), settings.PRACTICES_PER_PAGE)
        context["practices"] = paginator.get_page(request.GET.get("page"))
        context["active_filters"] = filters
        context["themes"] = ThemeChoice.choices
        context["regions"] = Region.choices
        return context


class PracticePartner(Orderable):
    page = ParentalKey("practices.PracticePage", on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "practices.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="practice_roles"
    )
    role = models.TextField(_("role"), max_length=500, help_text=_("What this partner did, in one or two sentences."))

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class PracticeSource(Source):
    page = ParentalKey("practices.PracticePage", on_delete=models.CASCADE, related_name="sources")

    class Meta(Source.Meta):
        pass


class PracticePage(TranslatedPageMixin, Page):
    summary = models.TextField(
        _("summary"), max_length=600, validators=[MaxLengthValidator(600)],
        help_text=_("Plain text, at most 600 characters: shown on cards and as the search snippet."),
    )
    city = models.ForeignKey(
        "practices.City", verbose_name=_("city"), on_delete=models.PROTECT, related_name="practices",
        help_text=_("The city where the work took place (for a national scheme: the lead city)."),
    )
    further_cities = ParentalManyToManyField(
        "practices.City", verbose_name=_("further cities"), blank=True, related_name="further_practices"
    )
    themes = ClusterTaggableManager(through=ThemedPractice, verbose_name=_("themes"), related_name="practices")
    topics = ClusterTaggableManager(
        through=TaggedPracticeTopic, verbose_name=_("topics"), blank=True, related_name="topic_practices",
        help_text=_("From the topic vocabulary, which editors keep in both languages."),
    )
    target_types = MultipleChoiceField(_("target types"), choices_class=TargetType)
    partnership_models = MultipleChoiceField(_("partnership models"), choices_class=PartnershipModel)
    body = StreamField([("section", SectionBlock())], verbose_name=_("body"), blank=True)
    evidence_level = models.CharField(
        _("evidence level"), max_length=30, choices=EvidenceLevel.choices, default=EvidenceLevel.NOT_EVALUATED
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, blank=True, help_text=_("Leave empty when not known."))
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    cost_band = models.CharField(_("cost band"), max_length=20, choices=CostBand.choices, blank=True)
    funding_public_share = models.PositiveSmallIntegerField(
        _("public share of funding (%)"), null=True, blank=True, validators=[MaxValueValidator(100)],
        help_text=_("Percentage paid by public bodies; the rest is private. Empty when not known."),
    )
    legal_privacy_notes = models.TextField(
        _("legal and privacy notes"), blank=True,
        help_text=_("For example: a data protection impact assessment done for video analytics."),
    )
    contacts = StreamField(
        [("contact", ContactBlock())], verbose_name=_("contacts"), blank=True,
        help_text=_("Personal data: shown to approved network members only."),
    )
    access_level = models.CharField(_("access level"), max_length=20, choices=AccessLevel.choices, default=AccessLevel.PUBLIC)
    summary_is_public = models.BooleanField(
        _("title and summary visible to everyone"), default=False,
        help_text=_("For a network or restricted entry: visitors without access see the title, the summary "
                    "and how to ask for access, never the rest."),
    )
    restricted_groups = ParentalManyToManyField(
        "auth.Group", verbose_name=_("groups with access"), blank=True, related_name="restricted_practices",
        help_text=_("For a restricted entry: the groups whose members may read it (editors always may)."),
    )
    restricted_organisations = ParentalManyToManyField(
        "practices.Organisation", verbose_name=_("member organisations with access"), blank=True,
        related_name="restricted_practices",
        help_text=_("For a restricted entry: the member organisations whose approved members may read it."),
    )
    owner_organisation = models.ForeignKey(
        "practices.Organisation", verbose_name=_("owner organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="owned_practices",
        help_text=_("The organisation whose editors decide requests for access to this entry."),
    )
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="submitted_practices",
    )
    featured = models.BooleanField(_("featured on the home page"), default=False)
    # Declared by a submitter from a company, shown on the entry so that readers can tell
    # a case study from a sales pitch. None: no declaration asked (not a company).
    commercial_interest = models.BooleanField(
        _("commercial interest declared"), null=True, blank=True,
        help_text=_("Whether the submitting company has a commercial interest in the measures described."),
    )
    commercial_interest_details = models.TextField(_("details of the commercial interest"), blank=True)

    base_form_class = PracticePageForm
    # What a translation takes over from its original (practices.models.translation);
    # the partners' organisations too, each partner's role being translated.
    shared_fields = [
        "city", "further_cities", "target_types", "partnership_models", "evidence_level", "status", "start_year",
        "end_year", "cost_band", "funding_public_share", "contacts", "access_level", "summary_is_public",
        "restricted_groups", "restricted_organisations", "owner_organisation", "language", "last_reviewed",
        "submitted_by", "featured", "commercial_interest",
    ]
    shared_tags = ["themes", "topics"]
    shared_children = ["sources"]
    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("city"), FieldPanel("further_cities", widget=forms.CheckboxSelectMultiple)],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("topics"), FieldPanel("target_types"), FieldPanel("partnership_models")],
            heading=_("Classification"),
        ),
        InlinePanel("partners", label=_("Partners"), min_num=MIN_PARTNERS, heading=_("Partners, in order")),
        FieldPanel("body"),
        InlinePanel("sources", label=_("Sources"), min_num=MIN_SOURCES),
    ]
    details_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("evidence_level"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldRowPanel([FieldPanel("cost_band"), FieldPanel("funding_public_share")]),
            ],
            heading=_("Evidence, status and money"),
        ),
        FieldPanel("legal_privacy_notes"),
        FieldPanel("contacts"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("access_level"), FieldPanel("language")]),
                FieldPanel("summary_is_public"),
                FieldPanel("restricted_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("restricted_organisations"),
                FieldPanel("owner_organisation"),
                FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("featured")]),
                FieldPanel("submitted_by", read_only=True),
            ],
            heading=_("Publication"),
        ),
        MultiFieldPanel(
            [FieldPanel("commercial_interest"), FieldPanel("commercial_interest_details")],
            heading=_("Commercial interest"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(details_panels, heading=_("Details")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("access_level"),
        index.FilterField("language"),
    ]

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def take_shared_values(self, original):
        """The partners are the original's, in its order; each keeps the role this
        version gives it, in this version's language (the original's for a new partner)."""
        roles = [partner.role for partner in self.partners.all()]
        super().take_shared_values(original)
        partners = [copy_child(partner) for partner in original.partners.all()]
        for position, partner in enumerate(partners):
            if position < len(roles) and roles[position].strip():
                partner.role = roles[position]
        self.partners = partners

    @property
    def theme_list(self):
        return list(self.themes.all())

    def target_type_labels(self):
        return [TargetType(value).label for value in self.target_types if value in TargetType.values]

    def partnership_model_labels(self):
        return [PartnershipModel(value).label for value in self.partnership_models if value in PartnershipModel.values]

    def partners_by_sector(self):
        """Partners grouped for display: public first, then private, then the others."""
        order = [Sector.PUBLIC, Sector.PRIVATE, Sector.CIVIL_SOCIETY, Sector.ACADEMIC, Sector.INTERNATIONAL]
        groups = {sector: [] for sector in order}
        for partner in self.partners.all().select_related("organisation"):
            groups[partner.organisation.sector].append(partner)
        return [(Sector(sector).label, partners) for sector, partners in groups.items() if partners]

    def funding_private_share(self):
        return None if self.funding_public_share is None else 100 - self.funding_public_share

    def related_practices(self, user, limit=4):
        """Practices sharing a theme, ranked by shared target types, then shared themes."""
        theme_ids = [theme.pk for theme in self.themes.all()]
        if not theme_ids:
            return []
        candidates = (
            visible_practices(user)
            .exclude(translation_key=self.translation_key)
            .filter(themes__in=theme_ids)
            .annotate(shared_themes=Count("themes", filter=Q(themes__in=theme_ids), distinct=True))
            .order_by("-shared_themes", "-last_reviewed", "title")
            .only("pk", "target_types")[:RELATED_CANDIDATES]
        )
        own_targets = set(self.target_types)

        def score(candidate):
            return (len(own_targets & set(candidate.target_types)), candidate.shared_themes)

        best = sorted(candidates, key=score, reverse=True)[:limit]
        by_pk = practice_cards(PracticePage.objects.filter(pk__in=[p.pk for p in best])).in_bulk()
        return [by_pk[p.pk] for p in best]

    def clean(self):
        """The year rule of practices.rules (partners, sources and themes are checked by the
        admin form's panels and fields)."""
        super().clean()
        if not years_are_in_order(self.start_year, self.end_year):
            raise ValidationError({"end_year": END_BEFORE_START})

    def get_sitemap_urls(self, request=None):
        # The sitemap is public: it lists public entries only.
        if self.access_level != AccessLevel.PUBLIC:
            return []
        return super().get_sitemap_urls(request)

    def serve(self, request, *args, **kwargs):
        if can_view_practice(request.user, self):
            response = super().serve(request, *args, **kwargs)
            if self.access_level != AccessLevel.PUBLIC:
                patch_cache_control(response, private=True)
            return response
        if not self.summary_is_public and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        # A public summary is a page anyone may read (200); otherwise a signed-in visitor
        # is told what the entry needs, without its title (403).
        response = TemplateResponse(
            request, "practices/practice_locked.html",
            {"page": self, "self": self, "teaser": self.summary_is_public},
            status=200 if self.summary_is_public else 403,
        )
        patch_cache_control(response, private=True)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partner_groups"] = self.partners_by_sector()
        context["show_contacts"] = can_view_contacts(request.user)
        return context
