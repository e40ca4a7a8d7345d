"""Early help: the episode, its level of need, consent, assessment, plan and reviews."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from earlyhelp.directory.taxonomies import Level
from earlyhelp.lib.datefmt import govuk_date
from earlyhelp.lib.encryption import EncryptedTextField

USER = settings.AUTH_USER_MODEL
SCALE = Q(scale__gte=0, scale__lte=10)


class NeedLevel(models.IntegerChoices):
    """The four levels of need, named once in `directory.taxonomies.Level` (domain.md)."""

    UNIVERSAL = Level.UNIVERSAL, Level.UNIVERSAL.label
    ADDITIONAL = Level.ADDITIONAL, Level.ADDITIONAL.label
    TARGETED = Level.TARGETED, Level.TARGETED.label
    SPECIALIST = Level.SPECIALIST, Level.SPECIALIST.label


def level_between(field: str) -> Q:
    return Q(**{f"{field}__gte": 1, f"{field}__lte": 4})


class EpisodeStatus(models.TextChoices):
    OPEN = "open", "Open"
    STEPPED_UP = "stepped_up", "Stepped up"
    CLOSED = "closed", "Closed"


ACTIVE_STATUSES = (EpisodeStatus.OPEN, EpisodeStatus.STEPPED_UP)


PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class EarlyHelpEpisode(models.Model):
    pupil = models.ForeignKey("pupils.Pupil", on_delete=models.CASCADE, related_name="episodes")
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(choices=NeedLevel.choices)
    status = models.CharField(
        max_length=12, choices=EpisodeStatus.choices, default=EpisodeStatus.OPEN
    )
    lead_practitioner_name = models.CharField(max_length=200, blank=True)
    lead_practitioner = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField()
    opened_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    next_review_on = models.DateField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closure_reason = EncryptedTextField(blank=True)
    # The plan's attendance target (issue 13), a percentage of possible sessions attended.
    attendance_target = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True, validators=PERCENT
    )

    class Meta:
        ordering = ["-opened_at", "-pk"]
        indexes = [models.Index(fields=["school", "status"], name="episode_school_status")]
        constraints = [
            models.CheckConstraint(name="episode_level_1_to_4", condition=level_between("level")),
            models.CheckConstraint(
                name="episode_closed_has_date",
                condition=(Q(status=EpisodeStatus.CLOSED) & Q(closed_at__isnull=False))
                | (~Q(status=EpisodeStatus.CLOSED) & Q(closed_at__isnull=True)),
            ),
            models.UniqueConstraint(
                fields=["pupil"],
                condition=~Q(status=EpisodeStatus.CLOSED),
                name="episode_one_active_per_pupil",
            ),
        ]

    def __str__(self) -> str:
        return f"Early help for pupil {self.pupil_id} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status != EpisodeStatus.CLOSED

    @property
    def lead_name(self) -> str:
        if self.lead_practitioner_name:
            return self.lead_practitioner_name
        return str(self.lead_practitioner) if self.lead_practitioner_id else ""


class LevelChange(models.Model):
    episode = models.ForeignKey(
        EarlyHelpEpisode, on_delete=models.CASCADE, related_name="level_changes"
    )
    from_level = models.PositiveSmallIntegerField(choices=NeedLevel.choices, null=True, blank=True)
    to_level = models.PositiveSmallIntegerField(choices=NeedLevel.choices)
    reason = EncryptedTextField()
    changed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="level_change_to_1_to_4", condition=level_between("to_level")
            ),
            models.CheckConstraint(
                name="level_change_from_1_to_4",
                condition=Q(from_level__isnull=True) | level_between("from_level"),
            ),
            models.CheckConstraint(
                name="level_change_changes",
                condition=Q(from_level__isnull=True) | ~Q(from_level=F("to_level")),
            ),
        ]

    def __str__(self) -> str:
        return f"Level {self.from_level} to {self.to_level}"


class ConsentScope(models.TextChoices):
    ASSESSMENT = "assessment", "An Early Help Assessment"
    SHARING = "sharing", "Sharing information with other services"
    BOTH = "both", "Both the assessment and sharing information"


class Consent(models.Model):
    episode = models.ForeignKey(EarlyHelpEpisode, on_delete=models.CASCADE, related_name="consents")
    given_by_name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=100, help_text="To the child: Mother, Carer...")
    scope = models.CharField(max_length=12, choices=ConsentScope.choices)
    share_with = models.TextField(blank=True, help_text="Services the family agreed to share with.")
    given_on = models.DateField()
    withdrawn_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-given_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="consent_withdrawn_after_given",
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=F("given_on")),
            )
        ]

    def __str__(self) -> str:
        return f"Consent from {self.given_by_name} ({self.relationship})"

    @property
    def is_current(self) -> bool:
        return self.withdrawn_on is None

    def covers(self, scope: str) -> bool:
        return self.scope in (scope, ConsentScope.BOTH)


class Assessment(models.Model):
    """The Early Help Assessment: the household, the three columns, a 0–10 scale."""

    episode = models.ForeignKey(
        EarlyHelpEpisode, on_delete=models.CASCADE, related_name="assessments"
    )
    household = EncryptedTextField(blank=True)
    significant_adults = EncryptedTextField(blank=True)
    professionals_involved = EncryptedTextField(blank=True)
    child_voice = EncryptedTextField(blank=True)
    worried_about = EncryptedTextField()
    working_well = EncryptedTextField()
    needs_to_happen = EncryptedTextField()
    scale = models.PositiveSmallIntegerField()
    completed_on = models.DateField()
    completed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-completed_on", "-pk"]
        constraints = [models.CheckConstraint(name="assessment_scale_0_to_10", condition=SCALE)]

    def __str__(self) -> str:
        return f"Early Help Assessment of {govuk_date(self.completed_on)}"


class PlanAction(models.Model):
    """One line of the SMART plan: need, action, who, by when, outcome."""

    episode = models.ForeignKey(
        EarlyHelpEpisode, on_delete=models.CASCADE, related_name="plan_actions"
    )
    need = EncryptedTextField()
    action = EncryptedTextField()
    who = models.CharField(max_length=200)
    due_on = models.DateField()
    outcome = EncryptedTextField(blank=True)
    done_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"Plan action due {self.due_on}"

    @property
    def is_open(self) -> bool:
        return self.done_on is None


class ReviewOutcome(models.TextChoices):
    POSITIVE = "positive", "Positive change (step down or close)"
    NO_CHANGE = "no_change", "No change (revise the plan)"
    ESCALATE = "escalate", "Escalate (step up)"


class Review(models.Model):
    """A Team Around the Family review."""

    episode = models.ForeignKey(EarlyHelpEpisode, on_delete=models.CASCADE, related_name="reviews")
    held_on = models.DateField()
    outcome = models.CharField(max_length=12, choices=ReviewOutcome.choices)
    scale = models.PositiveSmallIntegerField()
    notes = EncryptedTextField(blank=True)
    next_review_on = models.DateField(null=True, blank=True)
    # Attendance this school year up to the review, from the register, and the plan's target
    # then: the review shows progress against it (None: no register or no target).
    attendance_percent = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True, validators=PERCENT
    )
    attendance_target = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True, validators=PERCENT
    )
    recorded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(name="review_scale_0_to_10", condition=SCALE),
            models.CheckConstraint(
                name="review_next_after_held",
                condition=Q(next_review_on__isnull=True) | Q(next_review_on__gt=F("held_on")),
            ),
        ]

    def __str__(self) -> str:
        return f"Review of {govuk_date(self.held_on)}"
