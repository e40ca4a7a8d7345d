"""Dates and times written the GOV.UK way, in one place.

`govuk_date` is the one formatter: templates use it as the `govuk_date` filter, actions and
models call it. "4 March 2026" (no leading zero, the month in full); with a time,
"4 March 2026 at 2:15pm" ("2pm" on the hour, "midday", "midnight"), in the current time zone.

`govuk_datetimes()` gives a function that writes a datetime exactly as `govuk_date` does with
its time, for about a tenth of the cost, for long lists (a 500-line chronology): it holds the
time zone and the month names once per request.
"""

from collections.abc import Callable
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.dates import MONTHS


def govuk_date(value: date | datetime | str | None, *, with_time: bool = False) -> str:
    """`date(2026, 3, 4)` → "4 March 2026"; a datetime with `with_time` adds "at 2:15pm"."""
    if isinstance(value, str):
        value = parse_datetime(value) or parse_date(value)
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        day = f"{value.day} {MONTHS[value.month]} {value.year}"
        return f"{day} at {govuk_time(value.time())}" if with_time else day
    return f"{value.day} {MONTHS[value.month]} {value.year}"


def govuk_time(value: time) -> str:
    """14:15 → "2:15pm", 10:00 → "10am", 12:00 → "midday", 00:00 → "midnight"."""
    if value.minute == 0 and value.hour in (0, 12):
        return "midnight" if value.hour == 0 else "midday"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def govuk_datetimes() -> Callable[[datetime], str]:
    """A fast `govuk_date(value, with_time=True)` for one request's long list."""
    months = {number: str(name) for number, name in MONTHS.items()}
    zone = timezone.get_current_timezone()

    def say(value: datetime) -> str:
        at = timezone.localtime(value, zone)
        return f"{at.day} {months[at.month]} {at.year} at {govuk_time(at.time())}"

    return say


RELATIVE_DAYS = 60  # up to this many days ago, "Checked 12 days ago"; after, the date


def checked_words(value: date | str | None, *, today: date | None = None) -> str:
    """When a service was last checked, for families: "Checked today", "Checked yesterday",
    "Checked 12 days ago", or "Checked on 4 March 2026" when longer ago ("" when never)."""
    if isinstance(value, str):
        value = parse_date(value)
    if value is None:
        return ""
    days = ((today or timezone.localdate()) - value).days
    if days <= 0:
        return "Checked today"
    if days == 1:
        return "Checked yesterday"
    if days <= RELATIVE_DAYS:
        return f"Checked {days} days ago"
    return f"Checked on {govuk_date(value)}"
