"""Opening-hour words: the hours of the week a service may be open, as filter words.

"Open now" at night or at the weekend used to check the weekly schedules of every service
the search walked past, most of them closed. Now `index_service` also writes one filter word
per hour of the week in which any weekly session of the service runs ("zzopenwe020": a
Wednesday, 02:00 to 02:59), or the one word `ALWAYS` for a service open every hour of the
week, and "open now" asks the full-text index for the word of the current hour first (an
index lookup, like a topic). The words are a superset: the exact rule (`OpenCheck`: minutes,
dates a schedule is valid between, bank holidays) is still checked in SQL, on those rows only.

A day is in a schedule when its code appears in BYDAY, as the SQL check reads it.
"""

from collections.abc import Iterable
from datetime import time

from earlyhelp.directory.opening import DAY_CODES, OpenCheck

ALWAYS = "zzopenalways0"
HOURS_IN_A_WEEK = 7 * 24
Weekly = tuple[str, time | None, time | None]  # (byday, opens_at, closes_at)


def hour_word(day: int, hour: int) -> str:
    """The word for an hour of the week: (2, 2) → "zzopenwe020" (Wednesday, 2am)."""
    return f"zzopen{DAY_CODES[day].lower()}{hour:02d}0"


def opening_words(schedules: Iterable[Weekly]) -> list[str]:
    """The hour words of a service's weekly schedules (`ALWAYS` for every hour)."""
    hours: set[tuple[int, int]] = set()
    for byday, opens, closes in schedules:
        if opens is None or closes is None:
            continue
        for day, code in enumerate(DAY_CODES):
            if code in (byday or "").upper():
                hours |= _session_hours(day, opens, closes)
    if len(hours) == HOURS_IN_A_WEEK:
        return [ALWAYS]
    return [hour_word(day, hour) for day, hour in sorted(hours)]


def _session_hours(day: int, opens: time, closes: time) -> set[tuple[int, int]]:
    """The hours a session touches; one that closes at or before it opens runs past midnight."""
    if closes > opens:
        return {(day, hour) for hour in range(opens.hour, _hour_after(closes))}
    tonight = {(day, hour) for hour in range(opens.hour, 24)}
    return tonight | {((day + 1) % 7, hour) for hour in range(_hour_after(closes))}


def _hour_after(moment: time) -> int:
    """The first hour not touched by a session that ends at `moment`."""
    return moment.hour + (
        1 if (moment.minute, moment.second, moment.microsecond) > (0, 0, 0) else 0
    )


def open_now_words(check: OpenCheck) -> tuple[str, str]:
    """A service open at `check`'s moment holds one of these words."""
    return hour_word(DAY_CODES.index(check.today.code), check.now.hour), ALWAYS
