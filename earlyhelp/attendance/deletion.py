"""Warning before the 20-day point: a missing-education run nearing deletion from the roll.

The 2024 regulations allow a pupil to be deleted from the roll after 20 continuous school
days of unauthorised absence (with the local authority's and the school's reasonable
enquiries). A run the engine found (10 or more school days, `MissingEducationRun`) that is
still going on the last register day held, and has reached WARN_AT school days, is warned
about: the attendance officer's list shows it as a banner row, and the open "notify the
local authority" task of the run gets the date of the 20-day point in its title.

The 20-day point is projected forward over the school's future school days. Attendance may
not import casework, where a school's term dates are kept, so the school's calendar comes
through `register_calendar` (casework registers its `SchoolCalendar` when ready); with none,
every working day in England counts (no weekends or bank holidays).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from earlyhelp.attendance.engine import MissingEducationRun, SchoolMeasures
from earlyhelp.lib.workdays import is_working_day

DELETION_DAYS = 20
WARN_AT = 15
MAX_LOOKAHEAD_DAYS = 366

IsSchoolDay = Callable[[date], bool]
CalendarFactory = Callable[[int], IsSchoolDay]
_CALENDARS: dict[str, CalendarFactory] = {}


def register_calendar(name: str, factory: CalendarFactory) -> None:
    """`factory(school_id)` answers whether a day is one of that school's school days."""
    _CALENDARS[name] = factory


def school_day_rule(school_id: int) -> IsSchoolDay:
    for factory in _CALENDARS.values():
        return factory(school_id)
    return is_working_day


@dataclass(frozen=True)
class DeletionWarning:
    upn: str
    first_day: date
    school_days: int
    point: date | None  # the 20th school day of the run; None if no school day is in sight

    @property
    def passed(self) -> bool:
        return self.school_days >= DELETION_DAYS


def twenty_day_point(run: MissingEducationRun, is_school_day: IsSchoolDay) -> date | None:
    """The date of the run's 20th school day, counting on from its last day if need be."""
    if run.school_days >= DELETION_DAYS:
        return None
    day, left = run.last_day, DELETION_DAYS - run.school_days
    for _ in range(MAX_LOOKAHEAD_DAYS):
        day += timedelta(days=1)
        if is_school_day(day):
            left -= 1
            if left == 0:
                return day
    return None


def deletion_warnings(
    measures: SchoolMeasures, is_school_day: IsSchoolDay
) -> list[DeletionWarning]:
    """Runs of WARN_AT or more school days still going on the period's last school day."""
    last = measures.last_school_day
    return [
        DeletionWarning(r.upn, r.first_day, r.school_days, twenty_day_point(r, is_school_day))
        for r in measures.missing_education
        if r.school_days >= WARN_AT and last is not None and r.last_day >= last
    ]
