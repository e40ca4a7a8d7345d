"""Where harvested services came from: the feed, each run, and each service's id there.

The services themselves are ordinary directory rows (written by directory actions); these
tables only point at them. A service gone from its feed is withdrawn: made inactive in the
directory (so no longer public) and flagged here, never deleted.
"""

from django.db import models


class HarvestSource(models.Model):
    name = models.SlugField(max_length=100, unique=True)
    base_url = models.URLField(max_length=500)
    local_authority = models.ForeignKey(
        "schools.LocalAuthority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="harvest_sources",
        help_text="The county whose directory this feed is; empty for a national feed.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class HarvestRun(models.Model):
    class Outcome(models.TextChoices):
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        REFUSED = "refused", "Refused"
        FAILED = "failed", "Failed"

    source = models.ForeignKey(HarvestSource, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.RUNNING)
    seen = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    withdrawn = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source} at {self.started_at:%Y-%m-%d %H:%M}: {self.outcome}"


class HarvestedService(models.Model):
    source = models.ForeignKey(HarvestSource, on_delete=models.PROTECT, related_name="services")
    remote_id = models.CharField("id at the source", max_length=100)
    service = models.OneToOneField(
        "directory.Service", on_delete=models.PROTECT, related_name="harvested"
    )
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of the record as fetched")
    first_seen = models.DateTimeField()
    last_seen = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["source", "remote_id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "remote_id"], name="harvested_unique_id"),
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.remote_id}"

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None
