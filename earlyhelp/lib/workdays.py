"""Working days in England: weekdays that are not bank holidays.

Statutory clocks count them: the FGM report to the police is due by the end of the next
working day; a child protection file moves within 5 school days (school days also skip the
school's holidays, which the casework calendar knows).
"""

from datetime import date, timedelta
from functools import cache

import holidays


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: date, count: int) -> date:
    """The date `count` working days after `start` (`start` itself never counts)."""
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def next_working_day(start: date) -> date:
    return add_working_days(start, 1)
