"""Staff training and read-and-sign: types as data, each person's records and signatures.

`TrainingType` is a rule held as data (KCSIE 2025 defaults seeded by a migration): how
often it is renewed, whom it applies to, how early it shows as due. `TrainingPeriod`
overrides the renewal period for one local authority or one school (the most specific
wins). `TrainingRecord` is one course completed by one member of staff at one school;
`ReadDocument` is something staff read and sign (KCSIE Part one, a school's policies), and
`Signature` one person's signature of one edition. `TrainingReminder` remembers each
reminder e-mail sent, so a record is reminded once when due and once when overdue.
"""

import secrets
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q


class TrainingType(models.Model):
    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    renewal_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Empty: done once (e.g. at induction), never renewed."
    )
    due_soon_days = models.PositiveSmallIntegerField(default=30)
    roles = models.JSONField(
        default=list, blank=True, help_text="School roles it applies to; empty: all staff."
    )
    optional = models.BooleanField(
        default=False, help_text="A local course: shown when held, never counted as missing."
    )
    counts_for = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="met_by",
        help_text="Completing this also renews that (formal DSL training renews the refresh).",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                name="training_type_renewal_positive",
                condition=Q(renewal_months__isnull=True) | Q(renewal_months__gt=0),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class TrainingPeriod(models.Model):
    """A local rule: this type is renewed every `renewal_months` in one county or school."""

    training_type = models.ForeignKey(TrainingType, on_delete=models.CASCADE, related_name="+")
    local_authority = models.ForeignKey(
        "schools.LocalAuthority", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    school = models.ForeignKey(
        "schools.School", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    renewal_months = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="training_period_county_or_school",
                condition=Q(local_authority__isnull=True, school__isnull=False)
                | Q(local_authority__isnull=False, school__isnull=True),
            ),
            models.CheckConstraint(
                name="training_period_positive", condition=Q(renewal_months__gt=0)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.training_type}: every {self.renewal_months} months"


def evidence_path(instance: Any, filename: str) -> str:
    """A random name: nothing of the original name reaches the disk."""
    return f"training/{secrets.token_hex(16)}{PurePath(filename).suffix.lower()}"


class TrainingRecord(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_records"
    )
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    training_type = models.ForeignKey(TrainingType, on_delete=models.PROTECT, related_name="+")
    completed_on = models.DateField()
    provider = models.CharField(max_length=200, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    evidence = models.FileField(upload_to=evidence_path, max_length=200, blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    evidence_type = models.CharField(max_length=100, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField()

    class Meta:
        ordering = ["-completed_on", "-id"]
        indexes = [models.Index(fields=["school", "person"])]
        constraints = [
            models.CheckConstraint(
                name="training_record_expires_after_completion",
                condition=Q(expires_on__isnull=True) | Q(expires_on__gt=models.F("completed_on")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.training_type} on {self.completed_on}"


class DocumentKind(models.TextChoices):
    KCSIE_PART_ONE = "kcsie_part_one", "Keeping children safe in education: Part one"
    KCSIE_ANNEX_A = "kcsie_annex_a", "Keeping children safe in education: Annex A"
    CHILD_PROTECTION = "child_protection", "Child protection policy"
    BEHAVIOUR = "behaviour", "Behaviour policy"
    ONLINE_SAFETY = "online_safety", "Online safety policy"
    OTHER = "other", "Other policy"


class ReadDocument(models.Model):
    """A document staff read and sign. With no school it is national (KCSIE) and applies to
    every school; a school's own policies name their school."""

    school = models.ForeignKey(
        "schools.School", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=30, choices=DocumentKind.choices)
    title = models.CharField(max_length=200)
    edition = models.CharField(max_length=40)
    url = models.URLField(blank=True, help_text="The published edition.")
    published_on = models.DateField()
    renewal_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Signed again after this long; empty: only per edition."
    )
    roles = models.JSONField(default=list, blank=True, help_text="Empty: all staff.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "title"]
        constraints = [
            models.CheckConstraint(name="read_document_has_edition", condition=~Q(edition="")),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.edition})"


class Signature(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signatures"
    )
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(ReadDocument, on_delete=models.CASCADE, related_name="signatures")
    edition = models.CharField(max_length=40)
    signed_at = models.DateTimeField()

    class Meta:
        ordering = ["-signed_at", "-id"]
        indexes = [models.Index(fields=["school", "document"])]

    def __str__(self) -> str:
        return f"{self.document.title} {self.edition} signed {self.signed_at:%Y-%m-%d}"


class ReminderKind(models.TextChoices):
    DUE = "due", "due soon"
    OVERDUE = "overdue", "overdue"


class TrainingReminder(models.Model):
    """One reminder e-mail sent: the record whose renewal is due, for which type (a DSL's
    formal training falls due as the annual refresh and again as itself), and which kind."""

    record = models.ForeignKey(TrainingRecord, on_delete=models.CASCADE, related_name="+")
    training_type = models.ForeignKey(TrainingType, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["record", "training_type", "kind"], name="training_reminder_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.record} {self.kind}"
