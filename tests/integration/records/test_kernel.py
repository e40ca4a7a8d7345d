"""The kernel's public writers: any app adds a chronology entry or a task through them, inside
its own action's transaction, and nothing half-written is left when that is forgotten."""

from datetime import date

import pytest
from django.db import transaction

from earlyhelp.records.chronology import add_entry, list_entries
from earlyhelp.records.models import ChronologyEntry, EntryKind, Task, TaskKind
from earlyhelp.records.tasks import add_task
from tests.early_help_universe import add_pupil
from tests.universe import Universe, build_universe


def test_an_entry_and_a_task_are_added_inside_an_action(universe: Universe) -> None:
    ava = add_pupil(universe.northfield, "Ava", "Stone", 1)
    with transaction.atomic():
        add_entry(pupil=ava, kind=EntryKind.NOTE, summary="Late three days running.", by=None)
        task = add_task(
            school=universe.northfield,
            pupil=ava,
            kind=TaskKind.REVIEW_DUE,
            title="Review Ava's plan",
            due_on=date(2026, 12, 1),
            assigned_to=universe.dee,
            source=ava,
        )
    assert [e.summary for e in list_entries(ava)] == ["Late three days running."]
    assert (task.is_open, task.assigned_to, task.source_type) == (
        True,
        universe.dee,
        "pupils.pupil",
    )


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_both_refuse_and_write_nothing(taxonomies: None) -> None:
    northfield = build_universe().northfield
    ava = add_pupil(northfield, "Ava", "Stone", 1)
    with pytest.raises(RuntimeError, match="inside the action's transaction"):
        add_entry(pupil=ava, kind=EntryKind.NOTE, summary="Forgotten", by=None)
    with pytest.raises(RuntimeError, match="inside the action's transaction"):
        add_task(school=northfield, kind=TaskKind.NO_PLAN, title="x", due_on=date(2026, 12, 1))
    assert not ChronologyEntry.objects.exists()
    assert not Task.objects.exists()
