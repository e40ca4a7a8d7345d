"""The local authority's attendance figures: per school, counts only, small counts hidden.

For each school of the authority, over the school year to date: pupils with a possible
session, persistent and severe absence (counts and rates) and the missing-education runs
found. Any count under 5 is suppressed (None, shown as "fewer than 5"), and so is any rate
built on a suppressed count (`lib.smallnumbers`). The only children named are those the school has
notified to this authority as missing education (`MissingEducationNotice`).
"""

from dataclasses import dataclass
from datetime import date

from earlyhelp.attendance.engine import SchoolMeasures, measure
from earlyhelp.attendance.models import MissingEducationNotice
from earlyhelp.lib.smallnumbers import rate, suppress
from earlyhelp.schools.models import LocalAuthority, School

SUPPRESSED = "fewer than 5"


@dataclass(frozen=True)
class SchoolFigures:
    school: School
    pupils: int | None
    persistent: int | None
    persistent_rate: float | None
    severe: int | None
    severe_rate: float | None
    missing_runs: int | None
    notices: int


def year_start(today: date) -> date:
    return date(today.year if today.month >= 9 else today.year - 1, 9, 1)


def school_figures(la: LocalAuthority, today: date) -> list[SchoolFigures]:
    schools = list(la.schools.order_by("name"))
    measures = measure(year_start(today), today) if schools else {}
    told = notices(la, today)
    return [_figures(s, measures.get(s.pk, SchoolMeasures()), told) for s in schools]


def _figures(
    school: School, measures: SchoolMeasures, told: list[MissingEducationNotice]
) -> SchoolFigures:
    pupils = [p for p in measures.pupils if p.possible]
    persistent = sum(1 for p in pupils if p.persistent)
    severe = sum(1 for p in pupils if p.severe)
    return SchoolFigures(
        school=school,
        pupils=suppress(len(pupils)),
        persistent=suppress(persistent),
        persistent_rate=rate(persistent, len(pupils)),
        severe=suppress(severe),
        severe_rate=rate(severe, len(pupils)),
        missing_runs=suppress(len(measures.missing_education)),
        notices=sum(1 for n in told if n.school_id == school.pk),
    )


def notices(la: LocalAuthority, today: date) -> list[MissingEducationNotice]:
    """This school year's notices to the authority from its own schools, newest first."""
    return list(
        MissingEducationNotice.objects.filter(
            local_authority=la,
            school__local_authority=la,
            first_day__gte=year_start(today),
        ).select_related("pupil", "school")
    )
