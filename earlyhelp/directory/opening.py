"""Opening times: whether a service is open at a moment, and how to say when it is open.

HSDS schedules cannot say "closed on bank holidays"; England's bank holidays come from the
`holidays` package, and a service is taken to be closed on them unless it carries the
`open-bank-holidays` feature term.
"""

from collections.abc import Sequence
from datetime import date, datetime, time
from functools import lru_cache

import holidays

from earlyhelp.directory.models import Schedule

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@lru_cache(maxsize=8)
def _england_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def is_bank_holiday(day: date) -> bool:
    return day in _england_holidays(day.year)


def day_code(day: date) -> str:
    return DAY_CODES[day.weekday()]


def schedule_is_open(schedule: Schedule, at: datetime) -> bool:
    """Weekly schedules only; `at` is local time in England."""
    today = at.date()
    if schedule.valid_from and today < schedule.valid_from:
        return False
    if schedule.valid_to and today > schedule.valid_to:
        return False
    if day_code(today) not in _days(schedule.byday):
        return False
    if schedule.opens_at is None or schedule.closes_at is None:
        return False
    now = at.time()
    if schedule.closes_at <= schedule.opens_at:  # open past midnight, or all day
        return now >= schedule.opens_at or now < schedule.closes_at
    return schedule.opens_at <= now < schedule.closes_at


def _days(byday: str) -> set[str]:
    return {part.strip()[-2:] for part in byday.split(",") if part.strip()}


def describe_schedules(schedules: Sequence[Schedule]) -> list[str]:
    """Plain English, one line per schedule: "Monday to Friday, 9am to 5pm"."""
    return [_describe(s) for s in schedules if s.byday and s.opens_at and s.closes_at]


def _describe(schedule: Schedule) -> str:
    days = [code for code in DAY_CODES if code in _days(schedule.byday)]
    assert schedule.opens_at is not None and schedule.closes_at is not None
    if len(days) == 7 and schedule.opens_at == schedule.closes_at:
        text = "Every day, 24 hours"
    else:
        hours = f"{_time(schedule.opens_at)} to {_time(schedule.closes_at)}"
        text = f"{_day_range(days)}, {hours}"
    return f"{text} ({schedule.description})" if schedule.description else text


def _day_range(days: list[str]) -> str:
    names = [DAY_NAMES[DAY_CODES.index(d)] for d in days]
    indexes = [DAY_CODES.index(d) for d in days]
    if len(days) == 7:
        return "Every day"
    if len(days) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{names[0]} to {names[-1]}"
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]


def _time(value: time) -> str:
    if value == time(0, 0):
        return "midnight"
    if value == time(12, 0):
        return "midday"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"
