"""The 20-day point: warned on the officer's list and dated in the open CME task's title."""

from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse

from earlyhelp.attendance.actions import import_marks
from earlyhelp.attendance.register import Mark
from earlyhelp.casework.models import SchoolTerm
from earlyhelp.records.models import Task, TaskKind
from tests.early_help_universe import sign_in
from tests.worker import run_worker

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("attendance:overview", args=["northfield-primary"])
NOW = "2026-02-11 16:00Z"


def school_days(start: date, end: date) -> list[date]:
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    return [d for d in days if d.weekday() < 5]


def absent_from(children, first: date, last: date) -> list[Mark]:
    """Ava absent without leave (`O`) from `first`; Ben present every day."""
    marks: list[Mark] = []
    for day in school_days(date(2026, 1, 5), last):
        ava = "O" if day >= first else "/"
        for session in ("AM", "PM"):
            marks.append(Mark(len(marks) + 2, children.ava.upn, day, session, ava))
            marks.append(Mark(len(marks) + 2, children.ben.upn, day, session, "/"))
    return marks


@pytest.fixture
def terms(universe):
    SchoolTerm.objects.create(
        school=universe.northfield,
        name="Spring 1",
        starts_on=date(2026, 1, 5),
        ends_on=date(2026, 2, 13),
    )
    SchoolTerm.objects.create(
        school=universe.northfield,
        name="Spring 2",
        starts_on=date(2026, 2, 23),
        ends_on=date(2026, 3, 27),
    )


@time_machine.travel(NOW, tick=False)
def test_fifteen_days_dates_the_point_after_the_half_term(client, universe, children, terms):
    # Thursday 22 January to Wednesday 11 February: 15 school days.
    import_marks(
        school=universe.northfield,
        marks=absent_from(children, date(2026, 1, 22), date(2026, 2, 11)),
        by=None,
    )
    run_worker()
    task = Task.objects.get(pupil=children.ava, kind=TaskKind.CME_NOTIFY, done_at=None)
    assert task.title.endswith("; notify the local authority — 20-day point on 25 February 2026")
    sign_in(client, universe.dee)
    html = client.get(OVERVIEW).content.decode()
    assert "Nearing the 20-day point" in html
    assert (
        "Ava Stone</a>: 15 school days of unauthorised absence since 22 January 2026; "
        "20-day point on 25 February 2026"
    ) in html


@time_machine.travel(NOW, tick=False)
def test_fourteen_days_is_not_yet_warned(client, universe, children, terms):
    import_marks(
        school=universe.northfield,
        marks=absent_from(children, date(2026, 1, 23), date(2026, 2, 11)),
        by=None,
    )
    run_worker()
    task = Task.objects.get(pupil=children.ava, kind=TaskKind.CME_NOTIFY)
    assert "20-day point" not in task.title
    sign_in(client, universe.dee)
    assert "Nearing the 20-day point" not in client.get(OVERVIEW).content.decode()
