"""The report: the contract's JSON object, and the same figures as text for a person."""

from datetime import date
from typing import Any

from earlyhelp.attendance.engine import SchoolMeasures
from earlyhelp.lib.datefmt import govuk_date


def as_json(*, slug: str, start: date, end: date, measures: SchoolMeasures) -> dict[str, Any]:
    """Exactly the object of shared/attendance-contract.md, lists sorted by UPN."""
    return {
        "school": slug,
        "from": start.isoformat(),
        "to": end.isoformat(),
        "pupils": [
            {
                "upn": p.upn,
                "possible": p.possible,
                "attended": p.attended,
                "authorised": p.authorised,
                "unauthorised": p.unauthorised,
                "attendance": p.attendance,
                "persistent": p.persistent,
                "severe": p.severe,
            }
            for p in sorted(measures.pupils, key=lambda p: p.upn)
        ],
        "missing_education": [
            {
                "upn": r.upn,
                "first_day": r.first_day.isoformat(),
                "last_day": r.last_day.isoformat(),
                "school_days": r.school_days,
            }
            for r in sorted(measures.missing_education, key=lambda r: (r.upn, r.first_day))
        ],
        "penalty_threshold": [
            {
                "upn": t.upn,
                "first_week": t.first_week.isoformat(),
                "unauthorised_sessions": t.unauthorised_sessions,
            }
            for t in sorted(measures.penalty_threshold, key=lambda t: t.upn)
        ],
        "first_day_calls": sorted(measures.first_day_calls),
    }


def as_text(*, name: str, start: date, end: date, measures: SchoolMeasures) -> list[str]:
    """The report as lines a person reads in a terminal."""
    pupils = sorted(measures.pupils, key=lambda p: p.upn)
    possible = sum(p.possible for p in pupils)
    attended = sum(p.attended for p in pupils)
    lines = [
        f"{name}: attendance from {govuk_date(start)} to {govuk_date(end)}",
        f"{len(pupils)} pupils with marks; {possible} possible sessions, {attended} attended"
        + (f" ({100 * attended / possible:.1f}%)" if possible else ""),
        f"Persistent absence (10% or more missed): {sum(p.persistent for p in pupils)} pupils",
        f"Severe absence (50% or more missed): {sum(p.severe for p in pupils)} pupils",
        "",
        f"{'UPN':<14} {'possible':>8} {'attended':>8} {'auth.':>6} {'unauth.':>7} {'%':>6}  flags",
    ]
    for p in pupils:
        flags = "severe" if p.severe else "persistent" if p.persistent else ""
        percent = "-" if p.attendance is None else f"{p.attendance:.1f}"
        lines.append(
            f"{p.upn:<14} {p.possible:>8} {p.attended:>8} {p.authorised:>6} "
            f"{p.unauthorised:>7} {percent:>6}  {flags}"
        )
    lines += _runs(measures) + _penalties(measures) + _calls(measures, end)
    return lines


def _runs(measures: SchoolMeasures) -> list[str]:
    lines = ["", f"Children missing education (10+ school days): {len(measures.missing_education)}"]
    for r in measures.missing_education:
        lines.append(f"  {r.upn}  {r.first_day} to {r.last_day}, {r.school_days} school days")
    return lines


def _penalties(measures: SchoolMeasures) -> list[str]:
    lines = [
        "",
        "Penalty notice threshold (10 unauthorised sessions in 10 school weeks): "
        f"{len(measures.penalty_threshold)}",
    ]
    for t in measures.penalty_threshold:
        lines.append(
            f"  {t.upn}  from the week of {t.first_week}, {t.unauthorised_sessions} sessions"
        )
    return lines


def _calls(measures: SchoolMeasures, end: date) -> list[str]:
    lines = [
        "",
        f"First-day calls for {end} (morning mark N or -): {len(measures.first_day_calls)}",
    ]
    lines += [f"  {upn}" for upn in sorted(measures.first_day_calls)]
    return lines
