"""The operators' page of background tasks: failed tasks with their error, the queue."""

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from earlyhelp.jobs.models import ScheduledRun
from tests.persona_clients import client_for

URL = "/staff/operations/tasks/"


def failed_task() -> "DBTaskResult[..., object]":
    return DBTaskResult.objects.create(
        status="FAILED",
        args_kwargs={"args": [], "kwargs": {"source_name": "testshire"}},
        task_path="earlyhelp.oruk.tasks.harvest_source",
        queue_name="default",
        backend_name="default",
        run_after=timezone.now(),
        finished_at=timezone.now(),
        exception_class_path="earlyhelp.oruk.tasks.HarvestFailed",
        traceback="Traceback (most recent call last):\n  ...\nHarvestFailed: Feed refused: no id",
    )


@pytest.fixture
def operator(universe):
    universe.ed.is_superuser = True
    universe.ed.save(update_fields=["is_superuser"])
    return client_for(universe.ed)


def test_an_operator_sees_each_failed_task_with_its_error(operator):
    failed_task()
    ScheduledRun.objects.create(job="casework-clock", slot="2026-12-07", enqueued_at=timezone.now())

    response = operator.get(URL)

    page = response.content.decode()
    assert response.status_code == 200
    assert "earlyhelp.oruk.tasks.harvest_source" in page
    assert "HarvestFailed: Feed refused: no id" in page
    assert "casework-clock" in page and "2026-12-07" in page
    assert response["Cache-Control"].startswith("max-age=0")


def test_staff_who_are_not_operators_are_refused(universe):
    failed_task()
    response = client_for(universe.tom).get(URL)

    assert response.status_code == 403
    assert b"HarvestFailed" not in response.content


def test_signed_out_visitors_are_sent_to_sign_in(client, universe):
    response = client.get(URL)

    assert response.status_code == 302
    assert "/staff/sign-in/" in response["Location"]
