"""Open now: weekly sessions, past midnight, bank holidays in England."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from earlyhelp.directory.models import Schedule
from earlyhelp.directory.opening import (
    describe_schedules,
    is_bank_holiday,
    schedule_is_open,
    service_is_open,
)

LONDON = ZoneInfo("Europe/London")
WEEKDAYS = Schedule(byday="MO,TU,WE,TH,FR", opens_at=time(9), closes_at=time(17))
NIGHTS = Schedule(byday="FR,SA", opens_at=time(20), closes_at=time(2))
ALWAYS = Schedule(byday="MO,TU,WE,TH,FR,SA,SU", opens_at=time(0), closes_at=time(0))


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("schedule", "moment", "open_"),
    [
        (WEEKDAYS, at(2026, 11, 24, 9, 0), True),  # Tuesday, opening time
        (WEEKDAYS, at(2026, 11, 24, 16, 59), True),
        (WEEKDAYS, at(2026, 11, 24, 17, 0), False),  # closing time
        (WEEKDAYS, at(2026, 11, 28, 12, 0), False),  # Saturday
        (NIGHTS, at(2026, 11, 27, 23, 0), True),  # Friday night
        (NIGHTS, at(2026, 11, 28, 1, 59), True),  # early Saturday: Friday's session
        (NIGHTS, at(2026, 11, 28, 2, 0), False),
        (NIGHTS, at(2026, 11, 27, 1, 0), False),  # early Friday: Thursday had no session
        (NIGHTS, at(2026, 11, 30, 1, 0), False),  # early Monday: Sunday had none
        (ALWAYS, at(2026, 11, 24, 3, 33), True),
    ],
)
def test_weekly_sessions(schedule, moment, open_):
    assert schedule_is_open(schedule, moment) is open_


def test_a_moment_in_utc_is_read_as_time_in_england():
    summer_nine_am = datetime(2026, 7, 7, 8, 0, tzinfo=ZoneInfo("UTC"))  # BST
    assert schedule_is_open(WEEKDAYS, summer_nine_am)


def test_bank_holidays_close_a_service_unless_it_opens_on_them():
    christmas = at(2026, 12, 25, 10, 0)
    assert is_bank_holiday(date(2026, 12, 25)) and is_bank_holiday(date(2026, 8, 31))
    assert not is_bank_holiday(date(2026, 11, 24))
    assert not schedule_is_open(WEEKDAYS, christmas)
    assert schedule_is_open(WEEKDAYS, christmas, open_bank_holidays=True)
    # A Friday-night session that starts on Christmas Day does not run into Saturday.
    assert not schedule_is_open(NIGHTS, at(2026, 12, 26, 1, 0))


def test_dates_a_schedule_is_valid_for():
    autumn = Schedule(byday="TU", opens_at=time(9), closes_at=time(17), valid_to=date(2026, 11, 17))
    assert not schedule_is_open(autumn, at(2026, 11, 24, 10, 0))


def test_a_service_with_no_weekly_times_is_neither_open_nor_closed():
    monthly = Schedule(byday="1MO", freq="MONTHLY", opens_at=time(9), closes_at=time(17))
    assert service_is_open([], at(2026, 11, 24, 10, 0), open_bank_holidays=False) is None
    assert service_is_open([monthly], at(2026, 11, 24, 10, 0), open_bank_holidays=False) is None
    assert service_is_open([NIGHTS, WEEKDAYS], at(2026, 11, 24, 10), open_bank_holidays=False)


def test_opening_times_in_plain_english():
    assert describe_schedules([WEEKDAYS, NIGHTS, ALWAYS]) == [
        "Monday to Friday, 9am to 5pm",
        "Friday and Saturday, 8pm to 2am",
        "Every day, 24 hours",
    ]
    assert describe_schedules([Schedule(byday="XX", opens_at=time(9), closes_at=time(5))]) == []
