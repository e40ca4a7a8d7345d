"""Issue 11 moved ChronologyEntry and Task from casework to records without moving a row:
an existing database migrates across the move (and back) and keeps every entry and task."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from earlyhelp.records.chronology import add_entry
from earlyhelp.records.models import ChronologyEntry, EntryKind, Task, TaskKind
from earlyhelp.records.tasks import add_task
from tests.early_help_universe import add_pupil
from tests.universe import build_universe

OLD = ("casework", "0003_early_help")
BEFORE: list[tuple[str, str | None]] = [OLD, ("records", None)]
AFTER: list[tuple[str, str | None]] = [
    ("casework", "0004_move_kernel_to_records"),
    ("records", "0001_initial"),
]


def migrate(targets: list[tuple[str, str | None]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_entries_and_tasks_survive_the_move_both_ways(taxonomies: None) -> None:
    school = build_universe().northfield
    pupil = add_pupil(school, "Ava", "Stone", 1)
    with transaction.atomic():
        entry = add_entry(pupil=pupil, kind=EntryKind.NOTE, summary="Seen at gate.", by=None)
        task = add_task(
            school=school, kind=TaskKind.REVIEW_DUE, title="Review", due_on=date.today()
        )
    ContentType.objects.get_for_model(Task)

    old_apps = migrate(BEFORE).loader.project_state(OLD).apps
    old_entry = old_apps.get_model("casework", "ChronologyEntry").objects.get(pk=entry.pk)
    assert old_entry.summary == "Seen at gate."
    assert old_apps.get_model("casework", "Task").objects.filter(pk=task.pk).exists()
    assert ContentType.objects.filter(app_label="casework", model="task").exists()

    migrate(AFTER)
    assert ChronologyEntry.objects.get(pk=entry.pk).summary == "Seen at gate."
    assert Task.objects.get(pk=task.pk).title == "Review"
    assert ContentType.objects.filter(app_label="records", model="task").exists()
    assert not ContentType.objects.filter(app_label="casework", model="task").exists()
