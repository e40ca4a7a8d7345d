"""Warning before the 20-day point, on fixed dates across weekends and a half term."""

import csv
from datetime import date

import time_machine

from earlyhelp.attendance import deletion
from earlyhelp.attendance.deletion import (
    DeletionWarning,
    deletion_warnings,
    school_day_rule,
    twenty_day_point,
)
from earlyhelp.attendance.engine import MissingEducationRun, SchoolMeasures, compute, write_day_rows
from earlyhelp.lib.schoolyear import SchoolYear, england_terms
from earlyhelp.lib.workdays import is_working_day
from tests.unit.attendance.helpers import days_between

YEAR = SchoolYear(england_terms(2025))  # spring half term: 16 to 20 February 2026
PUPIL, OTHER = "A0000000000001", "B0000000000002"


def run(first: date, last: date, days: int) -> MissingEducationRun:
    return MissingEducationRun(PUPIL, first, last, days)


def test_the_point_skips_the_weekend():
    # 15 school days ending Friday 6 February: five more are Monday 9 to Friday 13.
    point = twenty_day_point(run(date(2026, 1, 19), date(2026, 2, 6), 15), YEAR.is_school_day)
    assert point == date(2026, 2, 13)


def test_the_point_skips_the_half_term():
    # 15 school days ending Wednesday 11 February: Thursday 12, Friday 13, then half term,
    # then Monday 23, Tuesday 24 and Wednesday 25 February.
    point = twenty_day_point(run(date(2026, 1, 22), date(2026, 2, 11), 15), YEAR.is_school_day)
    assert point == date(2026, 2, 25)


def test_twenty_days_or_more_has_passed_the_point():
    long = run(date(2026, 1, 5), date(2026, 2, 2), 20)
    assert twenty_day_point(long, YEAR.is_school_day) is None
    assert DeletionWarning(PUPIL, long.first_day, 20, None).passed


def test_no_school_day_in_sight_gives_no_date():
    assert twenty_day_point(run(date(2026, 7, 1), date(2026, 7, 21), 15), lambda d: False) is None


def test_without_a_registered_calendar_every_working_day_counts(monkeypatch):
    monkeypatch.setattr(deletion, "_CALENDARS", {})
    assert school_day_rule(0) is is_working_day


def measures(tmp_path, codes: dict[str, list[tuple[date, str]]], start: date) -> SchoolMeasures:
    days, pupils = tmp_path / "days.csv", tmp_path / "pupils.csv"
    write_day_rows(
        days,
        (
            (n, (d - start).days, c, c)
            for n, upn in enumerate(codes, start=1)
            for d, c in codes[upn]
        ),
    )
    with pupils.open("w", newline="") as out:
        csv.writer(out).writerows((n, 7, upn) for n, upn in enumerate(codes, start=1))
    last = max(d for marks in codes.values() for d, _ in marks)
    return compute([days], pupils, start=start, end=last)[7]


def school_days(start: date, end: date) -> list[date]:
    return [d for d in days_between(start, end) if YEAR.is_school_day(d)]


@time_machine.travel("2026-02-11 16:00Z", tick=False)
def test_a_run_still_going_at_15_days_is_warned_with_its_point(tmp_path):
    days = school_days(date(2026, 1, 5), date(2026, 2, 11))
    absent = days[-15:]  # Thursday 22 January to Wednesday 11 February
    codes = {
        PUPIL: [(d, "/") for d in days[:-15]] + [(d, "O") for d in absent],
        OTHER: [(d, "/") for d in days],
    }
    got = deletion_warnings(measures(tmp_path, codes, days[0]), YEAR.is_school_day)
    assert got == [DeletionWarning(PUPIL, date(2026, 1, 22), 15, date(2026, 2, 25))]


@time_machine.travel("2026-02-11 16:00Z", tick=False)
def test_a_run_of_14_days_or_an_ended_run_is_not_warned(tmp_path):
    days = school_days(date(2026, 1, 5), date(2026, 2, 11))
    codes = {
        PUPIL: [(d, "/") for d in days[:-14]] + [(d, "O") for d in days[-14:]],
        OTHER: [(d, "O") for d in days[:16]] + [(d, "/") for d in days[16:]],
    }
    found = measures(tmp_path, codes, days[0])
    assert {r.upn for r in found.missing_education} == {PUPIL, OTHER}
    assert deletion_warnings(found, YEAR.is_school_day) == []
