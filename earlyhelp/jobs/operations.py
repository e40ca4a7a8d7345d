"""What an operator needs to see of the task queue (django-tasks-db's DBTaskResult)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Min
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from earlyhelp.jobs.models import ScheduledRun

SHOWN = 50


@dataclass(frozen=True)
class FailedTask:
    id: str
    task: str
    finished_at: datetime | None
    error: str  # the exception's class and last line of its traceback
    traceback: str


@dataclass(frozen=True)
class QueueCount:
    status: str
    count: int
    oldest: datetime | None


@dataclass(frozen=True)
class TaskOverview:
    counts: list[QueueCount]
    failed: list[FailedTask]
    runs: list[ScheduledRun]


def list_task_overview() -> TaskOverview:
    rows = (
        DBTaskResult.objects.values("status")
        .annotate(count=Count("id"), oldest=Min("enqueued_at"))
        .order_by("status")
    )
    counts = [QueueCount(r["status"], r["count"], r["oldest"]) for r in rows]
    failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).order_by("-finished_at")
    return TaskOverview(
        counts=counts,
        failed=[_failed(result) for result in failed[:SHOWN]],
        runs=list(ScheduledRun.objects.all()[:SHOWN]),
    )


def _failed(result: "DBTaskResult[..., object]") -> FailedTask:
    lines = [line for line in result.traceback.strip().splitlines() if line.strip()]
    last = lines[-1] if lines else result.exception_class_path
    return FailedTask(
        id=str(result.id),
        task=result.task_path,
        finished_at=result.finished_at,
        error=last,
        traceback=result.traceback,
    )
