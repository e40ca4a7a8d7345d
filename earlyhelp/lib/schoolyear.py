"""A school year: its terms, the school's own closures and England's bank holidays.

A school day is a weekday that is not a bank holiday in England (`lib/workdays.py`, from the
`holidays` library), falls inside one of the terms, and is not one of the school's closure
days. This is the plain piece that the attendance app (which may not import casework) and
the casework calendar can both build on: `SchoolYear` takes terms as dates, wherever they
are stored.

`england_terms(2025)` is a typical English year starting in September 2025 with its half
terms as holidays, for synthetic registers, demos and tests; a school's real dates are its
own.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from earlyhelp.lib.workdays import is_working_day


@dataclass(frozen=True)
class Term:
    name: str
    starts_on: date
    ends_on: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.starts_on <= day <= self.ends_on


@dataclass(frozen=True)
class SchoolYear:
    terms: tuple[Term, ...]
    closures: frozenset[date] = field(default_factory=frozenset)

    @property
    def starts_on(self) -> date:
        return min(t.starts_on for t in self.terms)

    @property
    def ends_on(self) -> date:
        return max(t.ends_on for t in self.terms)

    def is_school_day(self, day: date) -> bool:
        return (
            is_working_day(day)
            and day not in self.closures
            and any(day in term for term in self.terms)
        )

    def school_days(self, start: date | None = None, end: date | None = None) -> Iterator[date]:
        day, last = start or self.starts_on, end or self.ends_on
        while day <= last:
            if self.is_school_day(day):
                yield day
            day += timedelta(days=1)


def _friday(day: date) -> date:
    return day + timedelta(days=4 - day.weekday())


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def england_terms(year: int) -> tuple[Term, ...]:
    """Six half terms of a typical English school year starting in September of `year`.

    The year starts on the first Wednesday in September; each boundary falls in the week of
    the usual date (half terms in late October, February and late May; Christmas and Easter
    holidays of two weeks; the year ends around 22 July).
    """
    first = date(year, 9, 1)
    half_terms = [
        (
            "Autumn 1",
            first + timedelta(days=(2 - first.weekday()) % 7),
            _friday(date(year, 10, 24)),
        ),
        ("Autumn 2", _monday(date(year, 11, 3)), _friday(date(year, 12, 19))),
        ("Spring 1", _monday(date(year + 1, 1, 5)), _friday(date(year + 1, 2, 13))),
        ("Spring 2", _monday(date(year + 1, 2, 23)), _friday(date(year + 1, 3, 27))),
        ("Summer 1", _monday(date(year + 1, 4, 13)), _friday(date(year + 1, 5, 22))),
        ("Summer 2", _monday(date(year + 1, 6, 1)), date(year + 1, 7, 22)),
    ]
    return tuple(Term(name, start, end) for name, start, end in half_terms)
