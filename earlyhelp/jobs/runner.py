"""Enqueue the jobs that are due, each exactly once per slot, whoever else runs at once."""

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.tasks import Task
from django.utils import timezone
from django.utils.module_loading import import_string

from earlyhelp.jobs.models import ScheduledRun
from earlyhelp.jobs.schedule import Job, list_jobs


@dataclass(frozen=True)
class Outcome:
    job: str
    slot: str
    state: str  # "enqueued", "already enqueued", "not yet due"
    task_result_id: str = ""


def run_due_jobs(*, now: datetime | None = None, jobs: list[Job] | None = None) -> list[Outcome]:
    local = timezone.localtime(now or timezone.now())
    return [_run(job, local) for job in (list_jobs() if jobs is None else jobs)]


def _run(job: Job, local: datetime) -> Outcome:
    slot = job.slot(local)
    if not job.is_due(local):
        return Outcome(job.name, slot, "not yet due")
    try:
        with transaction.atomic():
            # The unique (job, slot) row is the lock: a second host's insert waits for this
            # transaction and then fails, so the task row below is written once.
            run = ScheduledRun.objects.create(job=job.name, slot=slot, enqueued_at=local)
            task: Task[..., object] = import_string(job.task)
            result = task.enqueue(**job.kwargs)
            run.task_result_id = str(result.id)
            run.save(update_fields=["task_result_id"])
    except IntegrityError:
        return Outcome(job.name, slot, "already enqueued")
    return Outcome(job.name, slot, "enqueued", run.task_result_id)
