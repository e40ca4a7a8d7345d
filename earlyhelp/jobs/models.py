"""Each periodic job enqueued once per period slot, however many hosts run the timer."""

from django.db import models


class ScheduledRun(models.Model):
    """One due run of a scheduled job: the unique (job, slot) pair is the lock (issue 17)."""

    job = models.CharField(max_length=200)
    slot = models.CharField(max_length=40)  # e.g. "2026-12-06" (daily), "2026-W49" (weekly)
    task_result_id = models.CharField(max_length=64, blank=True)
    enqueued_at = models.DateTimeField()

    class Meta:
        ordering = ["-enqueued_at", "job"]
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="scheduled_run_once_per_slot"),
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.slot}"
