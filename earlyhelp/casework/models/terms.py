"""A school's term dates and its casework settings (the graduated clock reads both)."""

from django.db import models
from django.db.models import F, Q


class SchoolTerm(models.Model):
    """One term of a school's year. Days outside every term are holidays."""

    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="terms")
    name = models.CharField(max_length=100, help_text="For example, Autumn 2026.")
    starts_on = models.DateField()
    ends_on = models.DateField()

    class Meta:
        ordering = ["school", "starts_on"]
        constraints = [
            models.CheckConstraint(
                name="term_ends_after_start", condition=Q(ends_on__gte=F("starts_on"))
            ),
            models.UniqueConstraint(fields=["school", "starts_on"], name="term_unique_start"),
        ]

    def __str__(self) -> str:
        return self.name


class CaseworkSettings(models.Model):
    """Local choices a school makes about its early help work (defaults from the domain)."""

    school = models.OneToOneField(
        "schools.School", on_delete=models.CASCADE, related_name="casework_settings"
    )
    review_interval_weeks = models.PositiveSmallIntegerField(
        default=6, help_text="Weeks between Team Around the Family reviews (6 to 12)."
    )

    class Meta:
        verbose_name_plural = "casework settings"
        constraints = [
            models.CheckConstraint(
                name="settings_review_interval_6_to_12",
                condition=Q(review_interval_weeks__gte=6, review_interval_weeks__lte=12),
            )
        ]

    def __str__(self) -> str:
        return f"Casework settings for school {self.school_id}"
