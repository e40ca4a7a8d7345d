"""`earlyhelp run-due-jobs`: each due job enqueued once per slot, however many hosts run it."""

import io
import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, connections
from django_tasks_db.models import DBTaskResult

from earlyhelp.jobs.models import ScheduledRun
from earlyhelp.jobs.runner import run_due_jobs
from earlyhelp.jobs.schedule import Job, Period
from tests.worker import run_worker

LONDON = ZoneInfo("Europe/London")
HOSTS = 6
CLOCK = Job("casework-clock", "earlyhelp.casework.tasks.run_casework_clock", Period.DAILY, 5)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


def enqueued(task_path: str) -> int:
    return DBTaskResult.objects.filter(task_path=task_path).count()


@pytest.mark.django_db
def test_a_job_is_not_enqueued_before_its_hour():
    with time_machine.travel(at("2026-12-07T04:30"), tick=False):
        [outcome] = run_due_jobs(jobs=[CLOCK])

    assert outcome.state == "not yet due"
    assert not ScheduledRun.objects.exists()
    assert enqueued(CLOCK.task) == 0


@pytest.mark.django_db
def test_a_due_job_is_enqueued_once_per_day():
    with time_machine.travel(at("2026-12-07T05:01"), tick=False):
        first = run_due_jobs(jobs=[CLOCK])
    with time_machine.travel(at("2026-12-07T17:00"), tick=False):
        again = run_due_jobs(jobs=[CLOCK])
    with time_machine.travel(at("2026-12-08T05:00"), tick=False):
        next_day = run_due_jobs(jobs=[CLOCK])

    assert [o.state for o in first + again + next_day] == [
        "enqueued",
        "already enqueued",
        "enqueued",
    ]
    assert list(ScheduledRun.objects.order_by("slot").values_list("job", "slot")) == [
        ("casework-clock", "2026-12-07"),
        ("casework-clock", "2026-12-08"),
    ]
    assert enqueued(CLOCK.task) == 2
    assert {r.task_result_id for r in ScheduledRun.objects.all()} == {
        str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)
    }


@pytest.mark.django_db
def test_the_command_enqueues_every_declared_job_that_is_due(universe):
    out = io.StringIO()
    call_command("run-due-jobs", "--at", "2026-12-01T23:10", stdout=out)

    lines = out.getvalue().splitlines()
    assert "casework-clock 2026-12-01: enqueued" in lines
    assert "remind-reviews 2026-12-01: enqueued" in lines
    assert "retention-review 2026-12: enqueued" in lines
    assert "check-links 2026-12-01: enqueued" in lines
    assert "refresh-offer-renders 2026-12-01T23: enqueued" in lines
    assert "attendance-alerts 2026-12-01T23: enqueued" in lines
    assert enqueued("earlyhelp.dataprotection.tasks.retention_review") == 1

    again = io.StringIO()
    call_command("run-due-jobs", "--at", "2026-12-01T23:40", stdout=again)
    assert all(line.endswith("already enqueued") for line in again.getvalue().splitlines())


@pytest.mark.django_db
def test_the_command_refuses_a_time_it_cannot_read():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--at must be a date and time"):
        call_command("run-due-jobs", "--at", "tomorrow")


@pytest.mark.django_db
def test_a_worker_runs_what_was_enqueued(universe):
    call_command("run-due-jobs", "--at", "2026-12-01T23:00", stdout=io.StringIO())
    retention = DBTaskResult.objects.get(
        task_path="earlyhelp.dataprotection.tasks.retention_review"
    )

    run_worker()

    retention.refresh_from_db()
    assert retention.status == "SUCCESSFUL"
    assert retention.return_value == {"child records due": 0, "on legal hold": 0}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two hosts share PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_hosts_running_at_the_same_moment_enqueue_each_job_once():
    start = threading.Barrier(HOSTS)
    outcomes: list[str] = []

    def host() -> None:
        try:
            start.wait()
            for outcome in run_due_jobs(now=at("2026-12-07T06:00"), jobs=[CLOCK]):
                outcomes.append(outcome.state)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=host) for _ in range(HOSTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["already enqueued"] * (HOSTS - 1) + ["enqueued"]
    assert ScheduledRun.objects.filter(job="casework-clock").count() == 1
    assert enqueued(CLOCK.task) == 1
