"""Pupils on a school's roll, as imported from the school's MIS.

A pupil row holds what the safeguarding team needs to find and recognise a child. Names and
dates of birth stay in clear so that staff can search the roll; narrative about the child
lives in casework and is encrypted at rest (docs/security.md).
"""

from django.db import models
from django.db.models import Q


class YearGroup(models.TextChoices):
    NURSERY = "N", "Nursery"
    RECEPTION = "R", "Reception"
    Y1 = "1", "Year 1"
    Y2 = "2", "Year 2"
    Y3 = "3", "Year 3"
    Y4 = "4", "Year 4"
    Y5 = "5", "Year 5"
    Y6 = "6", "Year 6"
    Y7 = "7", "Year 7"
    Y8 = "8", "Year 8"
    Y9 = "9", "Year 9"
    Y10 = "10", "Year 10"
    Y11 = "11", "Year 11"
    Y12 = "12", "Year 12"
    Y13 = "13", "Year 13"


class SenStatus(models.TextChoices):
    """The DfE SEN provision codes used in the school census."""

    NONE = "N", "No special educational needs"
    SEN_SUPPORT = "K", "SEN support"
    EHCP = "E", "Education, health and care plan"


class Pupil(models.Model):
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="pupils")
    upn = models.CharField("UPN", max_length=13, help_text="Unique pupil number (13 characters).")
    legal_first_name = models.CharField(max_length=100)
    legal_last_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField()
    year_group = models.CharField(max_length=2, choices=YearGroup.choices)
    registration_group = models.CharField(max_length=20, blank=True)
    sen_status = models.CharField(max_length=1, choices=SenStatus.choices, default=SenStatus.NONE)
    pupil_premium = models.BooleanField(default=False)
    free_school_meals = models.BooleanField(default=False)
    english_additional_language = models.BooleanField("EAL", default=False)
    looked_after = models.BooleanField(default=False)
    previously_looked_after = models.BooleanField(default=False)
    young_carer = models.BooleanField(default=False)
    admitted_on = models.DateField(null=True, blank=True)
    left_on = models.DateField(null=True, blank=True)
    # Lower-cased "preferred first last" for searching the roll by name.
    search_name = models.CharField(max_length=320, editable=False, db_index=True)

    class Meta:
        ordering = ["legal_last_name", "legal_first_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["school", "upn"], name="pupil_unique_upn_per_school"),
            models.CheckConstraint(
                name="pupil_left_after_admitted",
                condition=Q(left_on__isnull=True)
                | Q(admitted_on__isnull=True)
                | Q(left_on__gte=models.F("admitted_on")),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_name = self.make_search_name()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def first_name(self) -> str:
        return self.preferred_name or self.legal_first_name

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.legal_last_name}"

    @property
    def on_roll(self) -> bool:
        return self.left_on is None

    def make_search_name(self) -> str:
        names = [self.preferred_name, self.legal_first_name, self.legal_last_name]
        return " ".join(n for n in names if n).lower()


class RollImportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    CHECKING = "checking", "Checking the rows"
    SAVING = "saving", "Saving the pupils"
    DONE = "done", "Imported"
    FAILED = "failed", "Not imported"


class RollImport(models.Model):
    """One uploaded roll file, imported in the background (pupils.tasks) with its progress.

    The file's bytes are kept only until the import ends; then only counts, the summary and
    any line errors remain."""

    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    data = models.BinaryField(blank=True, editable=False)
    file_format = models.CharField(max_length=20, default="auto")
    encoding = models.CharField(max_length=20, default="auto")
    status = models.CharField(
        max_length=10, choices=RollImportStatus.choices, default=RollImportStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    summary = models.CharField(max_length=200, blank=True)
    missing = models.JSONField(default=list, blank=True)  # "Name (UPN)" of pupils not in it
    problems = models.JSONField(default=list, blank=True)  # line errors, for the person

    def __str__(self) -> str:
        return f"Roll import {self.pk} for school {self.school_id}: {self.status}"

    @property
    def finished(self) -> bool:
        return self.status in (RollImportStatus.DONE, RollImportStatus.FAILED)


class PupilContact(models.Model):
    """A family contact from the roll export, called in `priority` order (1 first).

    Replaced as a whole by each roll import whose file has contact columns."""

    pupil = models.ForeignKey(Pupil, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=100)
    relationship = models.CharField(max_length=50, blank=True)
    phone = models.CharField(max_length=20, blank=True, help_text="E.164, like +441632960001.")
    email = models.EmailField(blank=True)
    priority = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["priority", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.relationship})" if self.relationship else self.name
