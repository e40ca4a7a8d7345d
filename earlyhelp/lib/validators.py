"""Validators: the one place that says what input is acceptable before it is stored.

Model-level validators (the last line against bad data reaching the database), and the
bounds every form and URL parameter is checked against: ids, text without NUL characters,
and a window of sensible dates for each purpose (docs/security.md, "Input validation")."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from earlyhelp.lib import phones
from earlyhelp.lib.datefmt import govuk_date


def validate_stored_phone(value: str) -> None:
    """A stored number must already be normalised: E.164, or a helpline short code."""
    try:
        normalised = phones.normalise(value)
    except phones.InvalidPhone as error:
        raise ValidationError("Enter a phone number, like 01905 822666") from error
    if normalised != value:
        raise ValidationError(f"Store phone numbers as {normalised}")


def validate_extension(value: str) -> None:
    """A phone extension is stored as its digits only: "204" for "ext 204"."""
    if not value.isdigit() and value:
        raise ValidationError("Enter the extension in digits, like 204")


# --- Input bounds: checked before anything reaches the database (docs/security.md) ---------

MAX_ID = 2**63 - 1  # the largest primary key the database can hold (BigAutoField)
_MAX_ID_DIGITS = len(str(MAX_ID))


def parse_id(text: object) -> int | None:
    """An id typed in a URL or form: plain ASCII digits within range, else None.

    "²", "٣", "-1", "1e3" and 23-digit numbers are not ids (int() would take some of them,
    and the database would fail on the others)."""
    value = str(text).strip()
    if not value or len(value) > _MAX_ID_DIGITS or not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def parse_ids(text: str, *, limit: int = 20) -> list[int]:
    """Comma-separated ids, the good ones kept in order (at most `limit`)."""
    ids = (parse_id(part) for part in text.split(","))
    return [i for i in ids if i is not None][:limit]


def has_nul(value: str) -> bool:
    return "\x00" in value


def reject_nul(value: str) -> None:
    """Validator: PostgreSQL cannot store a NUL character in text, and no person types one."""
    if has_nul(value):
        raise ValidationError("Remove the hidden control character (NUL) from the text")


@dataclass(frozen=True)
class DateWindow:
    """How far before and after today a date may be for one purpose (None: no bound)."""

    before_days: int | None
    after_days: int | None
    too_early: str  # "{label}" and "{limit}" are filled in
    too_late: str

    def earliest(self, today: date) -> date:
        return _shift(today, -self.before_days) if self.before_days is not None else EARLIEST

    def latest(self, today: date) -> date:
        return _shift(today, self.after_days) if self.after_days is not None else LATEST

    def check(self, value: date, label: str, *, today: date | None = None) -> None:
        """Raise a ValidationError worded for the person if `value` is outside the window."""
        today = today or timezone.localdate()
        earliest, latest = self.earliest(today), self.latest(today)
        if value < earliest:
            raise ValidationError(self.too_early.format(label=label, limit=govuk_date(earliest)))
        if value > latest:
            raise ValidationError(self.too_late.format(label=label, limit=govuk_date(latest)))

    def contains(self, value: date, *, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.earliest(today) <= value <= self.latest(today)


EARLIEST = date(1900, 1, 1)  # any date field: the year must be plausible at all
LATEST = date(9998, 12, 31)  # leaves room for date arithmetic (a day, a year) after it
_YEAR = 366
_AFTER = "The {label} must be on or before {limit}"
_BEFORE = "The {label} must be on or after {limit}"
_PAST = "The {label} must be today or in the past"

ANY_DATE = DateWindow(
    None, None, "The {label} must be after 1900", "The {label} must be before 2101"
)
# Something that happened to a child and is being recorded now: a concern, a consent, a review.
RECENT_PAST = DateWindow(5 * _YEAR, 0, _BEFORE, _PAST)
# A date in casework that is planned: a plan action, a follow-up, a review.
PLANNED = DateWindow(_YEAR, 2 * _YEAR, _BEFORE, _AFTER)
# A safeguarding meeting's date: near today.
MEETING = DateWindow(2 * _YEAR, _YEAR, _BEFORE, _AFTER)
# A school term: this year, the last and the next few.
TERM = DateWindow(2 * _YEAR, 3 * _YEAR, _BEFORE, _AFTER)
# A range asked of a chronology or a report.
FILTER = DateWindow(30 * _YEAR, _YEAR, _BEFORE, _AFTER)
# A pupil's date of birth: aged 1 to 25 (nursery to the end of a care leaver's support).
BIRTH = DateWindow(25 * _YEAR, -365, _BEFORE, "The {label} must be before {limit}")
# A pupil's admission or leaving date.
ENROLMENT = DateWindow(25 * _YEAR, _YEAR, _BEFORE, _AFTER)


def _shift(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return EARLIEST if days < 0 else LATEST


def parse_date_parts(day: str, month: str, year: str) -> date | None:
    """A date typed as three boxes: ASCII digits of sensible length, or None."""
    parts = (day.strip(), month.strip(), year.strip())
    if not all(p.isascii() and p.isdigit() for p in parts):
        return None
    if len(parts[0]) > 2 or len(parts[1]) > 2 or len(parts[2]) != 4:
        return None
    try:
        return date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        return None
