"""A governors' report as a PDF: asked for by a date range, made by a background task.

The report holds counts only, never a child or a member of staff by name. Its PDF is kept
in the default storage (every app server reads the same file); the row says whether it is
ready, as the Offer's PDF renders do (offers.rendering).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

USER = settings.AUTH_USER_MODEL


class ReportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to be made"
    RENDERING = "rendering", "Being made"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class GovernorsReport(models.Model):
    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, related_name="governors_reports"
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    requested_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField()
    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    file_name = models.CharField(max_length=300, blank=True)
    size = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="governors_report_ends_after_start", condition=Q(ends_on__gte=F("starts_on"))
            ),
            models.CheckConstraint(
                name="governors_report_ready_has_file",
                condition=~Q(status=ReportStatus.READY) | ~Q(file_name=""),
            ),
        ]

    def __str__(self) -> str:
        return f"Governors' report {self.starts_on} to {self.ends_on}"
