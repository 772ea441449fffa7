"""What editors learn from searches: counts per query text, nothing about who searched."""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .analysis import fold

MAX_LOGGED_LENGTH = 200


class SearchQueryStat(models.Model):
    text = models.CharField(_("query"), max_length=MAX_LOGGED_LENGTH, unique=True)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    searches_without_results = models.PositiveIntegerField(_("searches without results"), default=0)
    last_searched = models.DateField(_("last searched"), default=timezone.now)

    class Meta:
        verbose_name = _("search query statistic")
        verbose_name_plural = _("search query statistics")
        indexes = [models.Index(fields=["-searches"]), models.Index(fields=["-searches_without_results"])]

    def __str__(self):
        return self.text

    @classmethod
    def record(cls, text, total):
        """Count one search; the text is normalised (folded, single spaces) and bounded."""
        normalised = " ".join(fold(text).split())[:MAX_LOGGED_LENGTH]
        if not normalised:
            return
        stat, _created = cls.objects.get_or_create(text=normalised)
        cls.objects.filter(pk=stat.pk).update(
            searches=F("searches") + 1,
            searches_without_results=F("searches_without_results") + (0 if total else 1),
            last_searched=timezone.now().date(),
        )
