"""The register, stored compactly: one row per pupil and day, and every amendment apart.

A county year is about 38 million session marks; one row per pupil and day holds both
sessions (19 million rows), and the measures are computed from a bulk read of these rows
(`engine.py`, docs/adr/0011-attendance-engine.md), never by looping over ORM objects.
A session with no mark in any file is "" (no mark held); `-` is the register's own
"no mark yet" code, reported and never guessed.

The 2024 regulations keep the original entry, the amended entry, when and by whom: each
change of a held code is one `MarkAmendment` row, written with the change. The actor is
held as id and name text (like the audit trail) so that the history outlives accounts.
"""

from django.db import models
from django.db.models import Q


class Session(models.TextChoices):
    AM = "AM", "Morning"
    PM = "PM", "Afternoon"


class DayMarks(models.Model):
    # No index of their own: (pupil, date) and (school, date) below begin with them, and a
    # county's day of imports writes 200,000 rows into every index of this table.
    pupil = models.ForeignKey(
        "pupils.Pupil", on_delete=models.CASCADE, related_name="attendance_days", db_index=False
    )
    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    date = models.DateField()
    am = models.CharField(max_length=2, blank=True)
    pm = models.CharField(max_length=2, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pupil", "date"], name="attendance_one_row_per_day"),
            models.CheckConstraint(
                name="attendance_day_has_a_mark", condition=~Q(am="") | ~Q(pm="")
            ),
        ]
        indexes = [models.Index(fields=["school", "date"])]

    def __str__(self) -> str:
        return f"{self.date} {self.am or '.'} {self.pm or '.'}"


class MarkAmendment(models.Model):
    pupil = models.ForeignKey(
        "pupils.Pupil", on_delete=models.CASCADE, related_name="attendance_amendments"
    )
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="+")
    date = models.DateField()
    session = models.CharField(max_length=2, choices=Session.choices)
    original_code = models.CharField(max_length=2)
    new_code = models.CharField(max_length=2)
    amended_at = models.DateTimeField()
    amended_by_id = models.CharField(max_length=64, blank=True)
    amended_by_name = models.CharField(max_length=200)

    class Meta:
        ordering = ["date", "session", "amended_at", "id"]
        indexes = [models.Index(fields=["pupil", "date"])]
        constraints = [
            models.CheckConstraint(
                name="attendance_amendment_changes_code",
                condition=~Q(original_code=models.F("new_code")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.session}: {self.original_code} to {self.new_code}"


class CallOutcome(models.TextChoices):
    REACHED = "reached", "Reached: reason given"
    NO_ANSWER = "no_answer", "No answer"
    MESSAGE_LEFT = "message_left", "Message left"
    HOME_VISIT_NEEDED = "home_visit_needed", "Home visit needed"
    SAFE_AND_WELL = "safe_and_well", "Safe and well confirmed"


# A call still needs doing while its latest outcome is none of these.
SETTLED_OUTCOMES = frozenset({CallOutcome.REACHED, CallOutcome.SAFE_AND_WELL})


class FirstDayCall(models.Model):
    """One attempt to reach a family about a pupil absent with no reason on `date`."""

    pupil = models.ForeignKey(
        "pupils.Pupil", on_delete=models.CASCADE, related_name="first_day_calls"
    )
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="+")
    date = models.DateField()
    outcome = models.CharField(max_length=20, choices=CallOutcome.choices)
    recorded_at = models.DateTimeField()
    recorded_by_id = models.CharField(max_length=64, blank=True)
    recorded_by_name = models.CharField(max_length=200)

    class Meta:
        ordering = ["date", "recorded_at", "id"]
        indexes = [models.Index(fields=["school", "date"])]

    def __str__(self) -> str:
        return f"{self.date} {self.get_outcome_display()}"


class AlertKind(models.TextChoices):
    PERSISTENT = "persistent", "persistent absence"
    SEVERE = "severe", "severe absence"
    MISSING_EDUCATION = "missing_education", "missing education"
    PENALTY = "penalty", "penalty notice threshold"


class AttendanceAlert(models.Model):
    """One crossing of a threshold by one pupil, remembered so it is raised only once.

    `period_start` names the crossing: the school year's 1 September for persistent and
    severe absence and the penalty threshold, the run's first day for missing education.
    """

    pupil = models.ForeignKey(
        "pupils.Pupil", on_delete=models.CASCADE, related_name="attendance_alerts"
    )
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=AlertKind.choices)
    period_start = models.DateField()
    crossed_on = models.DateField(help_text="The last register date in the import that crossed.")
    raised_at = models.DateTimeField()

    class Meta:
        ordering = ["crossed_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["pupil", "kind", "period_start"], name="attendance_alert_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} crossed {self.crossed_on}"


class AlertCheck(models.Model):
    """Pupils to measure for new crossings: queued by the import that gave them a new or
    changed absence mark (one row an import, their ids in a list: a county's morning is 250
    rows, not 5,000), removed by the one alerts pass that measures every queued pupil of
    every school at once (`alerts.check_queued`, a background task). A pupil deleted
    meanwhile is simply not found."""

    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    pupil_ids = models.JSONField(default=list, help_text="The ids of the pupils to measure.")
    year_start = models.DateField(help_text="1 September of the school year to measure.")
    queued_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Check {len(self.pupil_ids)} pupils for the year from {self.year_start}"


class MissingEducationNotice(models.Model):
    """The school telling its local authority of a child missing education: one per run.

    The local authority's attendance page lists these, with the child's name: they are the
    only children it sees by name there. The notifier is held as id and name text, like
    the amendments, so that the record outlives accounts."""

    pupil = models.ForeignKey(
        "pupils.Pupil", on_delete=models.CASCADE, related_name="missing_education_notices"
    )
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="+")
    local_authority = models.ForeignKey(
        "schools.LocalAuthority", on_delete=models.PROTECT, related_name="+"
    )
    first_day = models.DateField(help_text="The first school day of the run.")
    notified_at = models.DateTimeField()
    notified_by_id = models.CharField(max_length=64, blank=True)
    notified_by_name = models.CharField(max_length=200)

    class Meta:
        ordering = ["-notified_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["pupil", "first_day"], name="attendance_missing_education_told_once"
            )
        ]

    def __str__(self) -> str:
        return f"Missing education from {self.first_day}, told {self.notified_at:%Y-%m-%d}"


class LetterTemplate(models.Model):
    """The school's own wording of the half-term attendance letter (plain text with
    placeholders, `attendance.letters.PLACEHOLDERS`)."""

    school = models.OneToOneField(
        "schools.School", on_delete=models.CASCADE, related_name="attendance_letter"
    )
    body = models.TextField(max_length=5000)
    updated_at = models.DateTimeField()
    updated_by_name = models.CharField(max_length=200)

    def __str__(self) -> str:
        return f"Attendance letter of school {self.school_id}"


class LetterRunStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    MAKING = "making", "Making the letters"
    DONE = "done", "Ready"
    FAILED = "failed", "Not made"


class LetterRun(models.Model):
    """One sending of the half-term letters: made in the background (attendance.tasks)."""

    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_name = models.CharField(max_length=200)
    period_start = models.DateField()
    period_end = models.DateField()
    below_percent = models.DecimalField(max_digits=4, decimal_places=1)
    body = models.TextField(help_text="The wording used, as it was when the run started.")
    status = models.CharField(
        max_length=10, choices=LetterRunStatus.choices, default=LetterRunStatus.QUEUED
    )
    letters_total = models.PositiveIntegerField(default=0)
    letters_done = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Letters of {self.created_at:%Y-%m-%d}: {self.status}"

    @property
    def finished(self) -> bool:
        return self.status in (LetterRunStatus.DONE, LetterRunStatus.FAILED)


class Letter(models.Model):
    """A family's letter of a run, one row for each pupil it is about (so that the child's
    record, its subject access export and its erasure find it): to whom, when, and the
    family's PDF in storage (one file, shared by the family's rows)."""

    run = models.ForeignKey(LetterRun, on_delete=models.CASCADE, related_name="letters")
    pupil = models.ForeignKey(
        "pupils.Pupil", on_delete=models.CASCADE, related_name="attendance_letters"
    )
    addressed_to = models.CharField(max_length=200)
    file_name = models.CharField(max_length=300)
    made_at = models.DateTimeField()

    class Meta:
        ordering = ["addressed_to", "id"]

    def __str__(self) -> str:
        return f"Letter to {self.addressed_to}"
