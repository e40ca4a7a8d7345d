"""Opening times: whether a service is open at a moment, and how to say when it is open.

A weekly schedule is a run of sessions: on each listed day the service opens at `opens_at`
and closes at `closes_at`. When `closes_at` is not after `opens_at` the session runs past
midnight into the next day ("Friday 8pm to 2am" is open at 1am on Saturday); equal times
mean 24 hours.

HSDS schedules cannot say "closed on bank holidays"; England's bank holidays come from the
`holidays` package, and a session that starts on a bank holiday does not run unless the
service carries the `open-bank-holidays` feature term.

`OpenCheck` is the one statement of that rule: Python asks it of loaded schedules, and the
directory search turns the same fields into SQL.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays
from django.utils import timezone

from earlyhelp.directory.models import Schedule

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
OPEN_BANK_HOLIDAYS = "open-bank-holidays"


@lru_cache(maxsize=8)
def _england_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def is_bank_holiday(day: date) -> bool:
    return day in _england_holidays(day.year)


def day_code(day: date) -> str:
    return DAY_CODES[day.weekday()]


def local_moment(at: datetime | None = None) -> datetime:
    """`at` (or now) as a naive wall-clock time in England."""
    moment = timezone.now() if at is None else at
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.replace(tzinfo=None)


@dataclass(frozen=True)
class Session:
    """A session that may be running now: the one that started today or the one before."""

    day: date
    code: str
    bank_holiday: bool


@dataclass(frozen=True)
class OpenCheck:
    """What "open at this moment" asks of a weekly schedule."""

    now: time
    today: Session
    yesterday: Session

    @classmethod
    def at(cls, moment: datetime | None = None) -> "OpenCheck":
        local = local_moment(moment)
        today, yesterday = local.date(), local.date() - timedelta(days=1)
        return cls(
            now=local.time(),
            today=Session(today, day_code(today), is_bank_holiday(today)),
            yesterday=Session(yesterday, day_code(yesterday), is_bank_holiday(yesterday)),
        )

    def schedule_is_open(self, schedule: Schedule, *, open_bank_holidays: bool) -> bool:
        opens, closes = schedule.opens_at, schedule.closes_at
        if schedule.freq != Schedule.Freq.WEEKLY or opens is None or closes is None:
            return False
        overnight = closes <= opens
        started_today = opens <= self.now and (overnight or self.now < closes)
        if started_today and self._runs(schedule, self.today, open_bank_holidays):
            return True
        started_yesterday = overnight and self.now < closes
        return started_yesterday and self._runs(schedule, self.yesterday, open_bank_holidays)

    @staticmethod
    def _runs(schedule: Schedule, session: Session, open_bank_holidays: bool) -> bool:
        if session.bank_holiday and not open_bank_holidays:
            return False
        if schedule.valid_from and session.day < schedule.valid_from:
            return False
        if schedule.valid_to and session.day > schedule.valid_to:
            return False
        return session.code in _days(schedule.byday)


def schedule_is_open(schedule: Schedule, at: datetime, *, open_bank_holidays: bool = False) -> bool:
    """Weekly schedules only; `at` is a moment (naive times are local time in England)."""
    return OpenCheck.at(at).schedule_is_open(schedule, open_bank_holidays=open_bank_holidays)


def service_is_open(
    schedules: Iterable[Schedule], at: datetime | None = None, *, open_bank_holidays: bool
) -> bool | None:
    """True or False by the service's weekly schedules; None when it has none to go by."""
    weekly = [s for s in schedules if s.freq == Schedule.Freq.WEEKLY and s.opens_at]
    if not weekly:
        return None
    check = OpenCheck.at(at)
    return any(check.schedule_is_open(s, open_bank_holidays=open_bank_holidays) for s in weekly)


def _days(byday: str) -> set[str]:
    """The day codes of an RRULE BYDAY ("MO,TU" or "1MO"), unknown parts left out."""
    return {part.strip()[-2:].upper() for part in byday.split(",")} & set(DAY_CODES)


def describe_schedules(schedules: Sequence[Schedule]) -> list[str]:
    """Plain English, one line per schedule: "Monday to Friday, 9am to 5pm"."""
    return [_describe(s) for s in schedules if _days(s.byday) and s.opens_at and s.closes_at]


def _describe(schedule: Schedule) -> str:
    days = [code for code in DAY_CODES if code in _days(schedule.byday)]
    assert schedule.opens_at is not None and schedule.closes_at is not None
    if schedule.opens_at == schedule.closes_at:
        text = f"{_day_range(days)}, 24 hours"
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
