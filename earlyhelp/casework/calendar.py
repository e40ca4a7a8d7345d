"""School days and terms: the clocks of the graduated response and of file transfers.

A school day is a working day in England (no weekend, no bank holiday: `lib/workdays.py`)
that falls inside one of the school's terms. Between the first and the last term the school
has recorded, a day outside every term is a holiday; before or after them the school's dates
are unknown, and every working day counts.

"A term", for "early help for a term" and "two terms without progress", is as many school
days as the term in which the clock started holds (so a term begun in a holiday is the next
term's length). With no term dates at all, a term is 13 weeks.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from earlyhelp.casework.models import SchoolTerm
from earlyhelp.lib.validators import EARLIEST
from earlyhelp.lib.workdays import is_working_day
from earlyhelp.schools.models import School

WEEKS_IN_A_TERM_WITHOUT_DATES = 13
MAX_TERM_DAYS = 200
PLAUSIBLE_LAST_DAY = date(2200, 12, 31)


@dataclass(frozen=True)
class Term:
    name: str
    starts_on: date
    ends_on: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.starts_on <= day <= self.ends_on


class SchoolCalendar:
    """One school's terms, read once, answering day and term questions."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = sorted(terms, key=lambda t: t.starts_on)

    @classmethod
    def for_school(cls, school: School) -> "SchoolCalendar":
        rows = SchoolTerm.objects.filter(school=school).values_list("name", "starts_on", "ends_on")
        return cls([term for term in (Term(*row) for row in rows) if _plausible(term)])

    def is_school_day(self, day: date) -> bool:
        if not is_working_day(day):
            return False
        if not self.terms or day < self.terms[0].starts_on or day > self.terms[-1].ends_on:
            return True
        return any(day in term for term in self.terms)

    def add_school_days(self, start: date, count: int) -> date:
        """The date `count` school days after `start` (`start` itself never counts)."""
        day = start
        while count > 0:
            day += timedelta(days=1)
            if self.is_school_day(day):
                count -= 1
        return day

    def school_days_between(self, start: date, end: date) -> int:
        """School days after `start` up to and including `end`."""
        days = (start + timedelta(days=n) for n in range(1, (end - start).days + 1))
        return sum(1 for day in days if self.is_school_day(day))

    def term_for(self, day: date) -> Term | None:
        """The term `day` is in, or the next one if `day` is in a holiday."""
        return next((t for t in self.terms if day <= t.ends_on), None)

    def add_terms(self, start: date, count: int) -> date:
        """The day by which `count` terms of school days have passed since `start`."""
        day = start
        for _ in range(count):
            term = self.term_for(day)
            if term is None:
                day += timedelta(weeks=WEEKS_IN_A_TERM_WITHOUT_DATES)
                continue
            length = self.school_days_between(term.starts_on - timedelta(days=1), term.ends_on)
            day = self.add_school_days(day, length)
        return day


def _plausible(term: Term) -> bool:
    """Terms are checked when saved (validators.TERM); one stored before that with a year
    like 0001 or 9999 is left out rather than overflow or loop over thousands of years."""
    return (
        EARLIEST <= term.starts_on <= term.ends_on <= PLAUSIBLE_LAST_DAY
        and (term.ends_on - term.starts_on).days <= MAX_TERM_DAYS
    )
