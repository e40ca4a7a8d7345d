"""A deliberately naive second implementation of shared/attendance-contract.md's report.

Plain Python over (upn, date, session, code) rows, written from the contract's words and
nothing else, with no shared code with earlyhelp.attendance (not even the code table), so
that the engine and this can only agree by both being right.
"""

from datetime import timedelta
from fractions import Fraction

ATTENDED = {"/", "\\", "L", "K", "V", "P", "W", "B"}
AUTHORISED = {"C", "C1", "C2", "M", "J1", "S", "T", "R", "I", "E"}
UNAUTHORISED = {"G", "N", "O", "U"}


def counts(code):
    return code in ATTENDED or code in AUTHORISED or code in UNAUTHORISED


def round_half_away(value):
    # value is a Fraction >= 0
    tenths = value * 10
    whole = int(tenths)
    if tenths - whole >= Fraction(1, 2):
        whole += 1
    return whole / 10


def report(rows, start, end):
    rows = [r for r in rows if start <= r[1] <= end]
    upns = sorted({r[0] for r in rows})
    pupils = []
    for upn in upns:
        mine = [r for r in rows if r[0] == upn]
        attended = len([r for r in mine if r[3] in ATTENDED])
        authorised = len([r for r in mine if r[3] in AUTHORISED])
        unauthorised = len([r for r in mine if r[3] in UNAUTHORISED])
        possible = attended + authorised + unauthorised
        absent = authorised + unauthorised
        pupils.append(
            {
                "upn": upn,
                "possible": possible,
                "attended": attended,
                "authorised": authorised,
                "unauthorised": unauthorised,
                "attendance": (
                    round_half_away(Fraction(100 * attended, possible)) if possible else None
                ),
                "persistent": possible > 0 and Fraction(absent, possible) >= Fraction(1, 10),
                "severe": possible > 0 and Fraction(absent, possible) >= Fraction(1, 2),
            }
        )
    school_days = sorted({r[1] for r in rows if r[1].weekday() < 5 and counts(r[3])})
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "pupils": pupils,
        "missing_education": missing_education(rows, upns, school_days),
        "penalty_threshold": penalty(rows, upns, school_days),
        "first_day_calls": sorted(
            {r[0] for r in rows if r[1] == end and r[2] == "AM" and r[3] in ("N", "-")}
        ),
    }


def missing_education(rows, upns, school_days):
    found = []
    for upn in upns:
        run = []
        for day in [*school_days, None]:
            marks = [r[3] for r in rows if r[0] == upn and r[1] == day and counts(r[3])]
            if day is not None and marks and all(m in UNAUTHORISED for m in marks):
                run.append(day)
                continue
            if len(run) >= 10:
                found.append(
                    {
                        "upn": upn,
                        "first_day": run[0].isoformat(),
                        "last_day": run[-1].isoformat(),
                        "school_days": len(run),
                    }
                )
            run = []
    return found


def monday(day):
    return day - timedelta(days=day.weekday())


def penalty(rows, upns, school_days):
    weeks = sorted({monday(d) for d in school_days})
    found = []
    for upn in upns:
        for i in range(len(weeks)):
            window = weeks[i : i + 10]
            total = len(
                [r for r in rows if r[0] == upn and monday(r[1]) in window and r[3] in UNAUTHORISED]
            )
            if total >= 10:
                found.append(
                    {"upn": upn, "first_week": weeks[i].isoformat(), "unauthorised_sessions": total}
                )
                break
    return found
