"""The safeguarding team's weekly meeting and the decisions taken in it."""

from django.conf import settings
from django.db import models

from earlyhelp.lib.datefmt import govuk_date
from earlyhelp.lib.encryption import EncryptedTextField

USER = settings.AUTH_USER_MODEL


class AgendaItemKind(models.TextChoices):
    NEW_CONCERN = "new_concern", "New concern"
    REVIEW_DUE = "review_due", "Review due"
    ACTION_OVERDUE = "action_overdue", "Overdue action"
    PATTERN = "pattern", "Pattern of concerns"
    REFERRAL_WAITING = "referral_waiting", "Referral waiting"
    ATTENDANCE = "attendance", "Attendance"
    OTHER = "other", "Other"


class Meeting(models.Model):
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    held_on = models.DateField()
    attendees = models.TextField(blank=True, help_text="Who came, one name a line.")
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-held_on"]
        constraints = [
            models.UniqueConstraint(fields=["school", "held_on"], name="meeting_one_per_day")
        ]

    def __str__(self) -> str:
        return f"Meeting of {govuk_date(self.held_on)}"


class MeetingDecision(models.Model):
    """What the meeting decided about one agenda item (and so about one child)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    pupil = models.ForeignKey(
        "pupils.Pupil", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    item_kind = models.CharField(max_length=20, choices=AgendaItemKind.choices)
    item_key = models.CharField(max_length=100, help_text="Which agenda item: kind and id.")
    decision = EncryptedTextField()
    decided_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["decided_at", "pk"]

    def __str__(self) -> str:
        return f"Decision on {self.item_key}"
