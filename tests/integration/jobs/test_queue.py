"""A task that drains its own queue is enqueued once while one waits (jobs.queue)."""

from datetime import timedelta

import pytest
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from earlyhelp.attendance.tasks import check_alerts_task
from earlyhelp.jobs.queue import enqueue_unless_waiting
from tests.worker import run_worker

pytestmark = pytest.mark.django_db


def waiting() -> list[str]:
    return list(
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).values_list(
            "task_path", flat=True
        )
    )


def test_one_task_waits_however_many_ask():
    for _ in range(3):
        enqueue_unless_waiting(check_alerts_task)
    assert waiting() == [check_alerts_task.module_path]


def test_once_it_has_run_the_next_writer_enqueues_again():
    enqueue_unless_waiting(check_alerts_task)
    run_worker()
    assert waiting() == []
    enqueue_unless_waiting(check_alerts_task)
    assert waiting() == [check_alerts_task.module_path]
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 1


def test_a_running_task_is_not_waiting(universe):
    enqueue_unless_waiting(check_alerts_task)
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING)  # a worker has started it
    enqueue_unless_waiting(check_alerts_task)  # it may already have read the queue
    assert waiting() == [check_alerts_task.module_path]


def test_with_a_delay_the_task_waits_and_later_writers_join_it(time_machine):
    time_machine.move_to("2026-12-07 08:00Z", tick=False)
    enqueue_unless_waiting(check_alerts_task, delay=timedelta(seconds=2))
    enqueue_unless_waiting(check_alerts_task, delay=timedelta(seconds=2))
    task = DBTaskResult.objects.get()
    assert task.run_after == timezone.now() + timedelta(seconds=2)
    run_worker()  # not yet: the worker leaves it
    assert waiting() == [check_alerts_task.module_path]
    time_machine.move_to("2026-12-07 08:00:03Z", tick=False)
    run_worker()
    assert waiting() == []
