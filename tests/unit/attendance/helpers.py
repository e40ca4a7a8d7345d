"""Running the engine on rows without a database: the rows as the export writes them."""

import csv
from datetime import date, timedelta

from earlyhelp.attendance.engine import SchoolMeasures, compute, write_day_rows
from earlyhelp.attendance.report import as_json

SCHOOL = 7


def engine_report(tmp_path, rows, start, end):
    """The contract's JSON for `rows` of (upn, date, "AM"/"PM", code), via the engine."""
    upns = sorted({r[0] for r in rows})
    ids = {upn: n for n, upn in enumerate(upns, start=1)}
    by_day: dict[tuple[str, date], dict[str, str]] = {}
    for upn, day, session, code in rows:
        by_day.setdefault((upn, day), {})[session] = code
    days, pupils = tmp_path / "days.csv", tmp_path / "pupils.csv"
    write_day_rows(
        days,
        (
            (ids[upn], (day - start).days, sessions.get("AM", ""), sessions.get("PM", ""))
            for (upn, day), sessions in sorted(by_day.items())
        ),
    )
    with pupils.open("w", newline="") as out:
        csv.writer(out).writerows((n, SCHOOL, upn) for upn, n in ids.items())
    measures = compute([days], pupils, start=start, end=end).get(SCHOOL, SchoolMeasures())
    report = as_json(slug="x", start=start, end=end, measures=measures)
    del report["school"]
    return report


def days_between(start: date, end: date):
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]
