"""A network member: a person of a member organisation (a City or an Organisation record).

The accounts app sits below the practices domain (which asks it about roles), so it names
the practices models by label and never imports them.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MemberProfile(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending approval")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="member_profile"
    )
    city = models.ForeignKey(
        "practices.City", verbose_name=_("city"), null=True, blank=True, on_delete=models.PROTECT, related_name="members",
        help_text=_("For members who work for a city."),
    )
    organisation = models.ForeignKey(
        "practices.Organisation", verbose_name=_("organisation"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="members", help_text=_("For members who work for a company or another organisation."),
    )
    role = models.CharField(_("role"), max_length=200, help_text=_("The member's job or role in the organisation."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE,
        help_text=_("The language of the e-mails the member receives."),
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(city__isnull=False, organisation__isnull=True) | Q(city__isnull=True, organisation__isnull=False)),
                name="member_of_one_city_or_organisation",
            )
        ]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()} ({self.member_organisation})"

    def clean(self):
        # The database constraint would raise an IntegrityError: say it beside the fields instead.
        if (self.city_id is None) == (self.organisation_id is None):
            message = _("Choose either a city or an organisation, not both.")
            raise ValidationError({"city": message, "organisation": message})

    @property
    def member_organisation(self):
        """The City or Organisation record the member belongs to."""
        return self.city or self.organisation

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @property
    def is_company(self):
        """Members of a private-sector organisation declare any commercial interest."""
        return self.organisation is not None and self.organisation.is_private_sector
