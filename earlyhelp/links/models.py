"""The last known state of each web address the directory shows."""

from django.db import models
from django.db.models import Q


class LinkCheck(models.Model):
    """One row per normalised address (`earlyhelp.lib.linkcheck.normalise_url`), written only
    by `earlyhelp.links.actions.record_link_checks`."""

    url = models.CharField(max_length=500, unique=True)
    last_checked_at = models.DateTimeField()
    ok = models.BooleanField()
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=100, blank=True)
    # When a working (or never checked) address first failed; cleared when it works again.
    failing_since = models.DateTimeField(null=True, blank=True)
    final_url = models.CharField("address after redirects", max_length=2000, blank=True)

    class Meta:
        ordering = ["url"]
        constraints = [
            models.CheckConstraint(
                name="linkcheck_failing_since_only_when_failing",
                condition=Q(ok=True, failing_since__isnull=True)
                | Q(ok=False, failing_since__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.url
