"""Into casework (issue 13): a child crossing a threshold reaches the chronology and meeting."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from earlyhelp.attendance.actions import import_marks
from earlyhelp.attendance.alerts import THRESHOLD_CROSSED
from earlyhelp.attendance.models import AlertCheck, AlertKind, AttendanceAlert
from earlyhelp.attendance.register import Mark
from earlyhelp.audit.models import AuditEvent
from earlyhelp.casework.models import MeetingDecision
from earlyhelp.records.models import ChronologyEntry, EntryKind, Task, TaskKind
from tests.early_help_universe import sign_in
from tests.worker import run_worker

pytestmark = pytest.mark.django_db
IMPORT = reverse("attendance:import", args=["northfield-primary"])
MEETING = reverse("casework:meeting", args=["northfield-primary", "2026-11-09"])
PERSISTENT = "Attendance: persistent absence — 85.0 % this year"
# Two school weeks, Monday 19 October to Friday 30 October 2026.
DAYS = [date(2026, 10, 19) + timedelta(days=n) for n in range(12) if n % 7 < 5]


def register(ava: str, ben: str, *, ill: int) -> bytes:
    """Ava ill (authorised, `I`) for the first `ill` sessions, otherwise both present."""
    lines = ["upn,date,session,code"]
    for n, day in enumerate(DAYS):
        for s, session in enumerate(("AM", "PM")):
            code = "I" if 2 * n + s < ill else "/"
            lines += [f"{ava},{day},{session},{code}", f"{ben},{day},{session},/"]
    return ("\n".join(lines) + "\n").encode()


def upload(client, content: bytes):
    """The page imports; the background worker then raises the alerts (attendance.alerts)."""
    with time_machine.travel("2026-11-02 08:00Z", tick=False):
        response = client.post(IMPORT, {"file": SimpleUploadedFile("register.csv", content)})
        run_worker()
    return response


@pytest.fixture
def crossed(client, universe, children):
    """Ava misses 3 of 20 sessions (85.0 %): persistent absence, nothing else."""
    sign_in(client, universe.dee)
    response = upload(client, register(children.ava.upn, children.ben.upn, ill=3))
    assert response.status_code == 200
    assert "40 marks added" in response.content.decode()


def test_crossing_persistent_absence_gives_one_entry_one_task_one_item(client, children, crossed):
    entries = ChronologyEntry.objects.filter(pupil=children.ava, kind=EntryKind.ATTENDANCE)
    assert [e.summary for e in entries] == [PERSISTENT]
    tasks = Task.objects.filter(pupil=children.ava, done_at__isnull=True)
    assert [(t.kind, t.title) for t in tasks] == [(TaskKind.ATTENDANCE_REVIEW, PERSISTENT)]
    assert tasks[0].due_on == date(2026, 10, 30) + timedelta(days=14)
    page = client.get(MEETING).content.decode()
    assert "Attendance (1)" in page
    assert PERSISTENT in page and children.ava.display_name in page
    assert AuditEvent.objects.filter(action=THRESHOLD_CROSSED).count() == 1


def test_a_pupil_below_the_threshold_gets_nothing(children, crossed):
    assert not ChronologyEntry.objects.filter(pupil=children.ben).exists()
    assert not Task.objects.filter(pupil=children.ben).exists()
    assert not AttendanceAlert.objects.filter(pupil=children.ben).exists()


def test_importing_again_adds_nothing(client, children, crossed):
    again = upload(client, register(children.ava.upn, children.ben.upn, ill=3))
    assert "0 marks added, 0 amended, 40 unchanged" in again.content.decode()
    # An amendment that keeps her over the line is no new crossing either.
    amended = upload(client, register(children.ava.upn, children.ben.upn, ill=4))
    assert "1 amended" in amended.content.decode()
    assert ChronologyEntry.objects.filter(pupil=children.ava).count() == 1
    assert Task.objects.filter(pupil=children.ava).count() == 1
    assert AuditEvent.objects.filter(action=THRESHOLD_CROSSED).count() == 1


def test_exactly_ninety_percent_is_a_crossing(client, universe, children):
    """2 of 20 sessions missed is exactly 90.0 % attendance: persistent (10 % or more)."""
    sign_in(client, universe.dee)
    upload(client, register(children.ava.upn, children.ben.upn, ill=1))
    assert not Task.objects.exists()
    upload(client, register(children.ava.upn, children.ben.upn, ill=2))
    assert [t.title for t in Task.objects.all()] == [
        "Attendance: persistent absence — 90.0 % this year"
    ]


def test_deciding_the_item_closes_the_task(client, universe, children, crossed):
    key = f"attendance-{Task.objects.get().pk}"
    response = client.post(
        MEETING,
        {f"{key}-decision": "Attendance officer to meet mum.", f"{key}-reason": "Ill often."},
    )
    assert response.status_code == 302
    task = Task.objects.get()
    assert task.done_at is not None and task.done_by == universe.dee
    assert MeetingDecision.objects.get().item_key == key
    page = client.get(MEETING).content.decode()
    assert "Attendance (0)" in page and "Decided (1)" in page
    assert "Attendance officer to meet mum. Reason: Ill often." in page
    later = reverse("casework:meeting", args=["northfield-primary", "2026-11-16"])
    assert PERSISTENT not in client.get(later).content.decode()


def test_unauthorised_absence_crosses_every_threshold_once(universe, children):
    """Ten school days of `O` (across a weekend): severe, persistent, missing, penalty."""
    marks = [
        Mark(line=n, upn=children.ava.upn, date=day, session=session, code="O")
        for n, (day, session) in enumerate(
            (day, session) for day in DAYS for session in ("AM", "PM")
        )
    ]
    with time_machine.travel("2026-11-02 08:00Z", tick=False):
        import_marks(school=universe.northfield, marks=marks, by=None)
        run_worker()
        import_marks(school=universe.northfield, marks=marks, by=None)
        run_worker()
    kinds = sorted(AttendanceAlert.objects.values_list("kind", flat=True))
    assert kinds == sorted(AlertKind.values)
    tasks = {t.kind: t for t in Task.objects.filter(pupil=children.ava)}
    assert sorted(tasks) == sorted(
        [TaskKind.ATTENDANCE_REVIEW, TaskKind.CME_NOTIFY, TaskKind.PENALTY_CONSIDER]
    )
    assert Task.objects.count() == 4 and ChronologyEntry.objects.count() == 4
    assert tasks[TaskKind.CME_NOTIFY].title == (
        "Attendance: missing education — 10 school days of unauthorised absence from "
        "19 October 2026; notify the local authority"
    )
    assert tasks[TaskKind.CME_NOTIFY].due_on == date(2026, 10, 30)
    assert tasks[TaskKind.PENALTY_CONSIDER].title == (
        "Attendance: penalty notice threshold — 20 unauthorised sessions in 10 school weeks "
        "from 19 October 2026; consider the framework's steps"
    )


def test_one_morning_missed_early_in_the_year_is_no_crossing(universe, children):
    """0 of 1 possible sessions is 0.0 %, but under two school weeks nothing is raised."""
    marks = [Mark(line=2, upn=children.ava.upn, date=date(2026, 9, 2), session="AM", code="N")]
    with time_machine.travel("2026-09-02 09:00Z", tick=False):
        import_marks(school=universe.northfield, marks=marks, by=None)
        assert list(AlertCheck.objects.values_list("pupil_ids", flat=True)) == [[children.ava.pk]]
        run_worker()
    assert not AlertCheck.objects.exists()
    assert not AttendanceAlert.objects.exists() and not Task.objects.exists()
