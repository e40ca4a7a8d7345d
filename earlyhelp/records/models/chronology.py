"""The chronology: one dated line per thing that happened in a child's record.

Entries are written by the actions that do the thing (a concern logged, a decision, a
review...), in the same transaction, so the chronology cannot drift from the record.
"""

from django.conf import settings
from django.db import models

from earlyhelp.lib.encryption import EncryptedTextField


class EntryKind(models.TextChoices):
    CONCERN = "concern", "Concern"
    DECISION = "decision", "Decision"
    ACTION = "action", "Action"
    MEETING = "meeting", "Meeting"
    REFERRAL = "referral", "Referral"
    LEVEL_CHANGE = "level_change", "Level of need"
    CONSENT = "consent", "Consent"
    ASSESSMENT = "assessment", "Assessment"
    PLAN = "plan", "Plan"
    REVIEW = "review", "Review"
    STEP_UP = "step_up", "Step-up"
    STEP_DOWN = "step_down", "Step-down"
    CLOSURE = "closure", "Closure"
    TRANSFER = "transfer", "File transfer"
    NOTE = "note", "Note"
    ATTENDANCE = "attendance", "Attendance"


class ChronologyEntry(models.Model):
    pupil = models.ForeignKey(
        "pupils.Pupil", on_delete=models.CASCADE, related_name="chronology_entries"
    )
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="+")
    occurred_at = models.DateTimeField()
    kind = models.CharField(max_length=20, choices=EntryKind.choices)
    summary = EncryptedTextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField()
    # What the entry is about, as "app_label.model" and primary key (no FK: many kinds).
    source_type = models.CharField(max_length=100, blank=True)
    source_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        # Moved from casework (issue 11): the table keeps its name, no data moved.
        db_table = "casework_chronologyentry"
        verbose_name_plural = "chronology entries"
        indexes = [
            models.Index(fields=["pupil", "-occurred_at", "-id"], name="chronology_pupil_time")
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d} {self.get_kind_display()}"
