from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from practices.access import ACCESS_GRANTED


class AccessRequest(models.Model):
    """One member's request to read one restricted practice, and the editors' decision.

    A granted request clears the member for that entry (practices.access); one row per
    member and entry, so asking again after a refusal reopens the same request.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting a decision")
        # "Granted"/"Refused" agree with "request" in French (accordée, refusée).
        GRANTED = ACCESS_GRANTED, pgettext_lazy("access request", "Granted")
        REFUSED = "refused", pgettext_lazy("access request", "Refused")

    page = models.ForeignKey(
        "practices.PracticePage", verbose_name=_("practice"), on_delete=models.CASCADE, related_name="access_requests"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="access_requests"
    )
    reason = models.TextField(_("why access is needed"), max_length=2000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    decision_note = models.TextField(_("note to the member"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["page", "member"], name="one_access_request_per_member_and_page")]

    def __str__(self):
        return f"{self.member} → {self.page}"
