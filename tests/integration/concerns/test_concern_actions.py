"""log_concern and triage_concern: guards, chronology by part, the FGM duty, encryption."""

from datetime import date

import pytest
import time_machine
from django.db import connection

from earlyhelp.audit.models import AuditEvent
from earlyhelp.concerns.actions import (
    LOGGED,
    TRIAGED,
    Involved,
    ReasonRequiredError,
    WrongSchoolError,
    triage_concern,
)
from earlyhelp.concerns.models import Outcome, Part, Status
from earlyhelp.lib.errors import WrongStateError
from earlyhelp.records.models import ChronologyEntry, EntryKind, Task, TaskKind
from tests.concerns_universe import log

ACCOUNT = "He said: Ben pushed me off the wall and kicked me."


def summaries(pupil):
    return [e.summary for e in ChronologyEntry.objects.filter(pupil=pupil)]


def test_each_child_chronology_is_worded_by_their_part(universe, roll):
    log(
        universe.tom,
        (roll.amy, Part.SUBJECT),
        (roll.ben, Part.ALLEGED_HARMER),
        (roll.cara, Part.WITNESS),
        account=ACCOUNT,
        categories=("child_on_child", "physical_abuse"),
    )
    (amy,) = summaries(roll.amy)
    assert ACCOUNT in amy and "Physical abuse" in amy
    (ben,) = summaries(roll.ben)
    assert "alleged to have caused harm" in ben and ACCOUNT not in ben
    (cara,) = summaries(roll.cara)
    assert cara == "Witnessed an incident recorded in a concern logged by Tom Webb."
    assert AuditEvent.objects.filter(action=LOGGED).count() == 1


def test_triage_records_reason_for_the_subject_only(universe, roll):
    concern = log(universe.tom, roll.amy, (roll.cara, Part.WITNESS))
    triage_concern(
        concern=concern,
        outcome=Outcome.MONITOR,
        reason="First concern; watch at lunch.",
        by=universe.dee,
    )
    concern.refresh_from_db()
    assert concern.status == Status.TRIAGED
    amy = ChronologyEntry.objects.get(pupil=roll.amy, kind=EntryKind.DECISION).summary
    assert "Monitor" in amy and "watch at lunch" in amy
    cara = ChronologyEntry.objects.get(pupil=roll.cara, kind=EntryKind.DECISION).summary
    assert "witnessed" in cara and "lunch" not in cara
    assert AuditEvent.objects.filter(action=TRIAGED).count() == 1


def test_triage_needs_a_reason_every_time(universe, roll):
    concern = log(universe.tom, roll.amy)
    with pytest.raises(ReasonRequiredError):
        triage_concern(
            concern=concern, outcome=Outcome.NO_FURTHER_ACTION, reason="  ", by=universe.dee
        )
    concern.refresh_from_db()
    assert concern.status == Status.NEW


def test_only_a_new_concern_is_triaged(universe, roll):
    concern = log(universe.tom, roll.amy)
    triage_concern(concern=concern, outcome=Outcome.MONITOR, reason="Watch.", by=universe.dee)
    with pytest.raises(WrongStateError):
        triage_concern(concern=concern, outcome=Outcome.STEP_UP, reason="Again.", by=universe.dee)


def test_pupil_from_another_school_cannot_be_linked(universe, roll):
    with pytest.raises(WrongSchoolError):
        log(universe.tom, roll.amy, roll.dan)
    concern = log(universe.tom, roll.amy)
    with pytest.raises(WrongSchoolError):
        triage_concern(
            concern=concern,
            outcome=Outcome.MONITOR,
            reason="x",
            by=universe.dee,
            link_pupils=[Involved(roll.dan)],
        )


@time_machine.travel("2026-12-24 15:00 +00:00")
def test_fgm_concern_gives_the_teacher_a_police_report_task_due_next_working_day(universe, roll):
    concern = log(universe.tom, roll.amy, categories=("fgm",))
    task = Task.objects.get(kind=TaskKind.FGM_POLICE_REPORT)
    assert task.assigned_to == universe.tom
    assert task.due_on == date(2026, 12, 29)  # Christmas Day and Boxing Day (observed 28th)
    assert task.source_id == str(concern.pk)


def test_narrative_is_not_stored_in_clear(universe, roll):
    concern = log(universe.tom, roll.amy, account="Secret words of the child")
    triage_concern(
        concern=concern, outcome=Outcome.MONITOR, reason="Secret reason", by=universe.dee
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT account FROM concerns_concern WHERE id = %s", [concern.pk])
        (account,) = cursor.fetchone()
        cursor.execute("SELECT reason FROM concerns_triagedecision")
        (reason,) = cursor.fetchone()
        cursor.execute("SELECT summary FROM casework_chronologyentry")
        entries = [row[0] for row in cursor.fetchall()]
    assert account.startswith("fernet:") and "Secret" not in account
    assert reason.startswith("fernet:") and "Secret" not in reason
    assert entries and not any("Secret" in e for e in entries)
