"""Open-hour words: every service open at a moment holds that moment's word (a superset)."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from earlyhelp.directory.models import Schedule
from earlyhelp.directory.opening import OpenCheck, schedule_is_open
from earlyhelp.directory.search.hours import ALWAYS, open_now_words, opening_words

LONDON = ZoneInfo("Europe/London")
SCHEDULES = [
    ("MO,TU,WE,TH,FR", time(9), time(17)),
    ("TU,TH", time(16), time(18, 30)),
    ("FR,SA", time(20), time(2)),
    ("SU", time(22, 15), time(0, 45)),
    ("1MO", time(10), time(11)),
    ("SA", time(10), time(10)),  # equal times: 24 hours from 10am
]


def test_a_weekday_day_session_gives_its_hours() -> None:
    words = opening_words([("MO", time(9), time(10, 30))])
    assert words == ["zzopenmo090", "zzopenmo100"]


def test_a_session_past_midnight_runs_into_the_next_day() -> None:
    words = opening_words([("SU", time(23), time(1))])
    assert words == ["zzopenmo000", "zzopensu230"]


def test_a_service_open_all_week_has_one_word() -> None:
    assert opening_words([("MO,TU,WE,TH,FR,SA,SU", time(0), time(0))]) == [ALWAYS]


def test_no_times_no_words() -> None:
    assert opening_words([("MO", None, time(17)), ("", time(9), time(17))]) == []


@pytest.mark.parametrize("weekly", SCHEDULES)
def test_open_at_a_moment_means_holding_that_moments_word(
    weekly: tuple[str, time, time],
) -> None:
    byday, opens, closes = weekly
    schedule = Schedule(freq="WEEKLY", byday=byday, opens_at=opens, closes_at=closes)
    words = set(opening_words([weekly]))
    moment = datetime(2026, 11, 23, 0, 0, tzinfo=LONDON)  # a Monday, no bank holiday near
    open_moments = 0
    for _ in range(7 * 24 * 4):
        if schedule_is_open(schedule, moment):
            open_moments += 1
            assert words & set(open_now_words(OpenCheck.at(moment))), moment
        moment += timedelta(minutes=15)
    assert open_moments > 0
