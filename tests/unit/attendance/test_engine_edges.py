"""The report's definitions at each edge the contract and issue 13 name, on fixed dates.

Each test runs the real engine (DuckDB over the exported rows) and, where it helps, checks
the naive reference (reference.py) says the same.
"""

from datetime import date, timedelta

import pytest

from tests.unit.attendance.helpers import days_between, engine_report
from tests.unit.attendance.reference import report as reference_report

PUPIL, OTHER = "A0000000000001", "B0000000000002"
BANK_HOLIDAY = date(2026, 5, 4)  # the early May bank holiday
HALF_TERM = days_between(date(2026, 2, 16), date(2026, 2, 20))
CHRISTMAS = days_between(date(2025, 12, 20), date(2026, 1, 4))


def weekdays(start, end, *, skip=()):
    return [d for d in days_between(start, end) if d.weekday() < 5 and d not in skip]


def whole_days(upn, days, code):
    return [(upn, d, s, code) for d in days for s in ("AM", "PM")]


def both(tmp_path, rows, start, end):
    got = engine_report(tmp_path, rows, start, end)
    assert got == reference_report(rows, start, end)
    return got


def pupil(report, upn=PUPIL):
    return next(p for p in report["pupils"] if p["upn"] == upn)


def test_exactly_90_percent_is_persistent_absence(tmp_path):
    days = weekdays(date(2025, 9, 1), date(2025, 9, 12))  # 10 days, 20 sessions
    rows = whole_days(PUPIL, days[:9], "/") + whole_days(PUPIL, days[9:], "I")
    got = pupil(both(tmp_path, rows, days[0], days[-1]))
    assert (got["possible"], got["attended"], got["authorised"]) == (20, 18, 2)
    assert got["attendance"] == 90.0
    assert got["persistent"] is True
    assert got["severe"] is False


def test_just_over_90_percent_is_not_persistent(tmp_path):
    days = weekdays(date(2025, 9, 1), date(2025, 9, 26))  # 20 days, 40 sessions
    rows = [*whole_days(PUPIL, days[:-2], "/"), (PUPIL, days[-2], "AM", "/")]
    rows += [(PUPIL, days[-2], "PM", "O"), *whole_days(PUPIL, days[-1:], "O")]
    got = pupil(both(tmp_path, rows, days[0], days[-1]))
    assert (got["possible"], got["unauthorised"], got["attendance"]) == (40, 3, 92.5)
    assert got["persistent"] is False


def test_half_is_severe_absence(tmp_path):
    days = weekdays(date(2025, 9, 1), date(2025, 9, 2))
    rows = [(PUPIL, days[0], "AM", "/"), (PUPIL, days[0], "PM", "G")]
    rows += [(PUPIL, days[1], "AM", "L"), (PUPIL, days[1], "PM", "M")]
    got = pupil(both(tmp_path, rows, days[0], days[1]))
    assert (got["attendance"], got["persistent"], got["severe"]) == (50.0, True, True)


@pytest.mark.parametrize(
    ("attended", "possible", "shown"),
    [(1, 80, 1.3), (3, 80, 3.8), (2, 3, 66.7), (1, 3, 33.3), (7, 8, 87.5), (0, 5, 0.0)],
)
def test_attendance_rounds_half_away_from_zero(tmp_path, attended, possible, shown):
    days = weekdays(date(2025, 9, 1), date(2026, 3, 1))[:possible]
    rows = [(PUPIL, d, "AM", "/" if n < attended else "N") for n, d in enumerate(days)]
    got = pupil(both(tmp_path, rows, days[0], days[-1]))
    assert got["attendance"] == shown


@pytest.mark.parametrize(
    "code", ["Z", "X", "#", "D", "Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7"]
)
def test_codes_that_are_not_possible_sessions_count_nowhere(tmp_path, code):
    day = date(2025, 9, 3)
    rows = [(PUPIL, day, "AM", code), (PUPIL, day, "PM", "/")]
    got = pupil(both(tmp_path, rows, day, day))
    assert (got["possible"], got["attended"], got["attendance"]) == (1, 1, 100.0)


def test_no_mark_yet_is_reported_and_never_guessed(tmp_path):
    day = date(2026, 3, 10)
    rows = [(PUPIL, day, "AM", "-"), (OTHER, day, "AM", "N"), (OTHER, day, "PM", "-")]
    got = both(tmp_path, rows, day, day)
    only_dash = pupil(got)
    assert (only_dash["possible"], only_dash["attendance"]) == (0, None)
    assert (only_dash["persistent"], only_dash["severe"]) == (False, False)
    assert pupil(got, OTHER)["possible"] == 1
    assert got["first_day_calls"] == [PUPIL, OTHER]


def test_first_day_calls_are_the_morning_of_the_to_date_only(tmp_path):
    monday, tuesday = date(2026, 3, 9), date(2026, 3, 10)
    rows = [(PUPIL, monday, "AM", "N"), (PUPIL, tuesday, "AM", "/"), (OTHER, tuesday, "PM", "N")]
    assert both(tmp_path, rows, monday, tuesday)["first_day_calls"] == []
    assert both(tmp_path, rows, monday, monday)["first_day_calls"] == [PUPIL]


def school_attends(days):
    """Another pupil present on `days`, so that they are school days."""
    return whole_days(OTHER, days, "/")


def test_missing_education_run_across_weekends_and_a_half_term(tmp_path):
    term = weekdays(date(2026, 2, 2), date(2026, 3, 6), skip=HALF_TERM)
    run = weekdays(date(2026, 2, 9), date(2026, 2, 27), skip=HALF_TERM)
    assert len(run) == 10
    rows = school_attends(term) + whole_days(PUPIL, run, "O")
    rows += whole_days(PUPIL, [d for d in term if d not in run], "/")
    got = both(tmp_path, rows, term[0], term[-1])
    assert got["missing_education"] == [
        {"upn": PUPIL, "first_day": "2026-02-09", "last_day": "2026-02-27", "school_days": 10}
    ]


def test_missing_education_run_across_a_bank_holiday(tmp_path):
    term = weekdays(date(2026, 4, 13), date(2026, 5, 22), skip=[BANK_HOLIDAY])
    run = weekdays(date(2026, 4, 29), date(2026, 5, 13), skip=[BANK_HOLIDAY])
    rows = school_attends(term) + whole_days(PUPIL, run, "N")
    got = both(tmp_path, rows, term[0], term[-1])
    assert got["missing_education"] == [
        {"upn": PUPIL, "first_day": "2026-04-29", "last_day": "2026-05-13", "school_days": 10}
    ]


def test_nine_days_is_not_missing_education_and_a_day_without_a_counting_mark_breaks_it(
    tmp_path,
):
    term = weekdays(date(2026, 4, 13), date(2026, 5, 22), skip=[BANK_HOLIDAY])
    run = term[:20]
    rows = school_attends(term) + whole_days(PUPIL, run[:9], "G")
    rows += whole_days(PUPIL, run[9:10], "Y1") + whole_days(PUPIL, run[10:19], "U")
    got = both(tmp_path, rows, term[0], term[-1])
    assert got["missing_education"] == []


def test_a_whole_school_closure_neither_breaks_nor_extends_a_run(tmp_path):
    term = weekdays(date(2026, 1, 5), date(2026, 1, 30))
    closed = term[5]
    open_days = [d for d in term if d != closed]
    rows = school_attends(open_days) + whole_days(OTHER, [closed], "#")
    rows += whole_days(PUPIL, open_days[:10], "O") + whole_days(PUPIL, [closed], "#")
    got = both(tmp_path, rows, term[0], term[-1])
    assert got["missing_education"][0]["school_days"] == 10
    assert got["missing_education"][0]["last_day"] == open_days[9].isoformat()


def test_penalty_window_counts_school_weeks_across_christmas(tmp_path):
    autumn = weekdays(date(2025, 11, 3), date(2025, 12, 19))
    spring = weekdays(date(2026, 1, 5), date(2026, 3, 6), skip=HALF_TERM)
    rows = school_attends(autumn + spring)
    # 5 sessions in the week of 1 December and 5 in the week of 23 February: 13 calendar
    # weeks apart, but the 10th school week counting from 1 December.
    rows += [(PUPIL, date(2025, 12, 1) + timedelta(days=n), "AM", "G") for n in range(5)]
    rows += [(PUPIL, date(2026, 2, 23) + timedelta(days=n), "PM", "O") for n in range(5)]
    got = both(tmp_path, rows, autumn[0], spring[-1])
    assert got["penalty_threshold"] == [
        {"upn": PUPIL, "first_week": "2025-12-01", "unauthorised_sessions": 10}
    ]


def test_penalty_window_of_eleven_school_weeks_is_too_long(tmp_path):
    autumn = weekdays(date(2025, 11, 3), date(2025, 12, 19))
    spring = weekdays(date(2026, 1, 5), date(2026, 3, 6), skip=HALF_TERM)
    rows = school_attends(autumn + spring)
    rows += [(PUPIL, date(2025, 11, 24) + timedelta(days=n), "AM", "G") for n in range(5)]
    rows += [(PUPIL, date(2026, 2, 23) + timedelta(days=n), "PM", "O") for n in range(5)]
    assert both(tmp_path, rows, autumn[0], spring[-1])["penalty_threshold"] == []


def test_penalty_first_week_is_the_earliest_window_that_reaches_ten(tmp_path):
    term = weekdays(date(2026, 1, 5), date(2026, 2, 13))
    rows = school_attends(term)
    rows += whole_days(PUPIL, weekdays(date(2026, 2, 2), date(2026, 2, 6)), "N")
    got = both(tmp_path, rows, term[0], term[-1])
    assert got["penalty_threshold"] == [
        {"upn": PUPIL, "first_week": "2026-01-05", "unauthorised_sessions": 10}
    ]


def test_a_joiner_and_a_leaver_count_only_their_own_marks(tmp_path):
    term = weekdays(date(2026, 1, 5), date(2026, 3, 27), skip=HALF_TERM)
    joined, left = date(2026, 2, 2), date(2026, 2, 27)
    rows = whole_days("J0000000000001", [d for d in term if d >= joined], "/")
    rows += whole_days("L0000000000001", [d for d in term if d <= left], "I")
    rows += whole_days("L0000000000001", [d for d in term if d > left], "Z")
    got = both(tmp_path, rows, term[0], term[-1])
    joiner, leaver = pupil(got, "J0000000000001"), pupil(got, "L0000000000001")
    assert (joiner["possible"], joiner["attendance"], joiner["persistent"]) == (
        2 * len([d for d in term if d >= joined]),
        100.0,
        False,
    )
    assert leaver["possible"] == 2 * len([d for d in term if d <= left])
    assert leaver["severe"] is True
    assert got["missing_education"] == []


def test_marks_outside_the_period_are_left_out(tmp_path):
    rows = [(PUPIL, date(2025, 9, 1), "AM", "N"), (OTHER, date(2025, 9, 2), "AM", "/")]
    got = both(tmp_path, rows, date(2025, 9, 2), date(2025, 9, 2))
    assert [p["upn"] for p in got["pupils"]] == [OTHER]
