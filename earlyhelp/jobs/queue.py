"""Enqueueing a task that takes its work from a queue of its own: one waiting is enough.

`attendance.alerts` queues pupils to measure; its task measures every queued pupil at once.
A county's morning of 250 register imports needs one such task waiting, not 250 (each of
the others would start, find nothing and stop). `enqueue_unless_waiting` enqueues the task
only if none is already waiting to start, and it locks the waiting one until the caller's
transaction ends: a worker skips a locked task (django-tasks-db claims with SKIP LOCKED),
so the task cannot start before the caller's work is committed, and will see it.
"""

from datetime import timedelta

from django.db import transaction
from django.tasks import Task, TaskResultStatus
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult


def enqueue_unless_waiting(task: Task[[], None], *, delay: timedelta | None = None) -> None:
    """Enqueue `task` (it takes no arguments) unless one is waiting; inside a transaction.
    With `delay`, the task waits that long before it may start (on the database backend),
    so that the writers of those seconds share one run."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("enqueue_unless_waiting needs the caller's transaction")
    if isinstance(task.get_backend(), DatabaseBackend):
        waiting = (
            DBTaskResult.objects.select_for_update(skip_locked=True)
            .filter(task_path=task.module_path, status=TaskResultStatus.READY)
            .only("id")
            .first()
        )
        if waiting is not None:
            return
        if delay:
            task = task.using(run_after=timezone.now() + delay)
    task.enqueue()
