"""Tasks the safeguarding team must not forget: statutory duties and the graduated clock."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class TaskKind(models.TextChoices):
    FGM_POLICE_REPORT = "fgm_police_report", "Report FGM to the police"
    REVIEW_DUE = "review_due", "Team Around the Family review due"
    ACTION_OVERDUE = "action_overdue", "Plan action overdue"
    NO_PLAN = "no_plan", "Early help for a term without a plan"
    NO_PROGRESS = "no_progress", "Two terms without progress"
    REFERRAL_FOLLOW_UP = "referral_follow_up", "Follow up a referral"
    FILE_TRANSFER = "file_transfer", "Transfer the child protection file"
    ATTENDANCE_REVIEW = "attendance_review", "Review a child's attendance"
    CME_NOTIFY = "cme_notify", "Tell the local authority of a child missing education"
    PENALTY_CONSIDER = "penalty_consider", "Consider the penalty notice framework's steps"


class Task(models.Model):
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="+")
    pupil = models.ForeignKey(
        "pupils.Pupil", null=True, blank=True, on_delete=models.CASCADE, related_name="tasks"
    )
    kind = models.CharField(max_length=32, choices=TaskKind.choices)
    title = models.CharField(max_length=300)
    due_on = models.DateField()
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_type = models.CharField(max_length=100, blank=True)
    source_id = models.CharField(max_length=64, blank=True)

    class Meta:
        # Moved from casework (issue 11): the table keeps its name, no data moved.
        db_table = "casework_task"
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["school", "done_at", "due_on"], name="task_open_by_due")]
        constraints = [
            models.CheckConstraint(
                name="task_done_has_who",
                condition=Q(done_at__isnull=True) | Q(done_by__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.done_at is None
