"""A saved import: what one document said, and how each of its services met the directory.

`import-offer PATH --save --school SLUG` writes the document's people and services into the
school's draft Offer and keeps an `ImportRun` beside it, with one `ImportedService` per
service found: the directory record it was linked to (matched) or created as (new), the
evidence for a match and every field where the document and the directory disagree. The
review screen reads these and records what the person chose.
"""

from typing import Any

from django.db import models
from django.db.models import Q


class RunStatus(models.TextChoices):
    WAITING = "waiting", "Waiting for review"
    REVIEWED = "reviewed", "Reviewed"
    REPLACED = "replaced", "Replaced by a later import"


class ImportRun(models.Model):
    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, related_name="import_runs"
    )
    document_name = models.CharField(max_length=300)
    document_sha256 = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.WAITING)
    created_at = models.DateTimeField()
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by_name = models.CharField(max_length=200, blank=True)
    # The import contract's JSON for the document, findings included.
    result: Any = models.JSONField()
    # What the document gives that is not a service of its own, so was not added to the
    # draft: [{"name": "Police", "phones": ["999"], "why": "emergency" | "school"}, ...]
    left_out: Any = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["school"],
                condition=Q(status="waiting"),
                name="import_run_one_waiting_per_school",
            ),
        ]

    def __str__(self) -> str:
        return f"Import of {self.document_name}"

    @property
    def findings(self) -> list[dict[str, str]]:
        found: list[dict[str, str]] = self.result.get("findings", [])
        return found


class Outcome(models.TextChoices):
    MATCHED = "matched", "Linked to a directory record"
    CREATED = "created", "Added as the school's own provision"


class Decision(models.TextChoices):
    NONE = "", "Not reviewed"
    KEPT = "kept", "Kept"
    UPDATED = "updated", "Directory record updated from the document"
    UNLINKED = "unlinked", "Not the same service: added as the school's own"
    REJECTED = "rejected", "Left out"


class ImportedService(models.Model):
    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="services")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=300)
    # What the document gives: {"phones": [...], "emails": [...], "urls": [...], "topics": [...]}
    document: Any = models.JSONField()
    service = models.ForeignKey(
        "directory.Service",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    entry_added = models.BooleanField(
        default=False, help_text="The import added this service to the draft Offer."
    )
    # [{"field": "phone", "value": "+441905822666", "weight": 3}, ...]
    evidence: Any = models.JSONField(default=list, blank=True)
    # [{"field": "phone", "document": [...], "directory": [...]}, ...]
    disagreements: Any = models.JSONField(default=list, blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    # {"phone": "keep" | "document" | "unlink", ...} as the person chose on the review screen
    choices: Any = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "position"], name="imported_service_unique_position"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ImportedPerson(models.Model):
    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="people")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    roles: Any = models.JSONField(default=list)
    email = models.CharField(max_length=254, blank=True)
    phone = models.CharField(max_length=20, blank=True)
    person = models.ForeignKey(
        "schools.KeyPerson", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.BooleanField(
        default=False, help_text="The import added this person to the school's key people."
    )

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class UploadStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    READING = "reading", "Reading your document"
    SAVING = "saving", "Putting what it says into your draft"
    DONE = "done", "Ready to review"
    FAILED = "failed", "Could not be imported"


class OfferUpload(models.Model):
    """An Offer document uploaded from the editor, imported in the background (offers.import_tasks).

    The file's bytes are kept only until the import ends; then the run it made (or the
    reason it failed) remains."""

    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    document_name = models.CharField(max_length=300)
    data = models.BinaryField(blank=True, editable=False)
    created_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=UploadStatus.choices, default=UploadStatus.QUEUED
    )
    problem = models.CharField(max_length=500, blank=True)  # why it failed, for the person
    run = models.ForeignKey(
        ImportRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Upload of {self.document_name}: {self.status}"

    @property
    def finished(self) -> bool:
        return self.status in (UploadStatus.DONE, UploadStatus.FAILED)
