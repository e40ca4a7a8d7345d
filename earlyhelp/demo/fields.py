"""Reading one entry of a demo data file, with every value checked as it is read.

An error names the file and the entry (`county_services.toml, service 'camhs': ...`) so that
whoever edits the data can find the line. Nothing here writes to the database.
"""

import re
from collections.abc import Collection
from datetime import time
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from earlyhelp.directory.data import PhoneData, ScheduleData
from earlyhelp.directory.models import PhoneType
from earlyhelp.directory.opening import DAY_CODES
from earlyhelp.lib import phones


class DemoDataError(Exception):
    """A demo data file is wrong. The message names the file and the entry."""


class Entry:
    """One TOML table. Each read marks its key used; `finish` refuses keys nobody read."""

    def __init__(self, data: Any, *, where: str) -> None:
        if not isinstance(data, dict):
            raise DemoDataError(f"{where}: expected a table of values")
        self.data: dict[str, Any] = data
        self.where = where
        self.used: set[str] = set()

    def error(self, message: str) -> DemoDataError:
        return DemoDataError(f"{self.where}: {message}")

    def has(self, key: str) -> bool:
        return key in self.data

    def _get(self, key: str, kind: type | tuple[type, ...], *, required: bool) -> Any:
        self.used.add(key)
        if key not in self.data:
            if required:
                raise self.error(f"'{key}' is missing")
            return None
        value = self.data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise self.error(f"'{key}' has the wrong type ({type(value).__name__})")
        return value

    def text(self, key: str, *, required: bool = False) -> str:
        value = self._get(key, str, required=required)
        if required and not value.strip():
            raise self.error(f"'{key}' is empty")
        return value.strip() if value else ""

    def prose(self, key: str, *, required: bool = False) -> str:
        """Text wrapped for the file: lines joined, blank lines kept as paragraph breaks."""
        return unwrap(self.text(key, required=required))

    def texts(self, key: str) -> tuple[str, ...]:
        values = self._get(key, list, required=False) or []
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise self.error(f"'{key}' must be a list of words or phrases")
        return tuple(v.strip() for v in values)

    def ints(self, key: str, *, required: bool = False) -> tuple[int, ...]:
        values = self._get(key, list, required=required) or []
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            raise self.error(f"'{key}' must be a list of whole numbers")
        return tuple(values)

    def integer(self, key: str) -> int | None:
        value: int | None = self._get(key, int, required=False)
        return value

    def flag(self, key: str) -> bool | None:
        value: bool | None = self._get(key, bool, required=False)
        return value

    def age(self, key: str) -> Decimal | None:
        value = self._get(key, (int, float), required=False)
        if value is None:
            return None
        if not 0 <= value <= 120:
            raise self.error(f"'{key}' must be an age in years")
        return Decimal(str(value))

    def entries(self, key: str) -> list["Entry"]:
        values = self._get(key, list, required=False) or []
        return [Entry(v, where=f"{self.where}, {key}[{i}]") for i, v in enumerate(values)]

    def table(self, key: str, *, required: bool = False) -> "Entry":
        return Entry(self._get(key, dict, required=required) or {}, where=f"{self.where} [{key}]")

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise self.error(f"unknown field(s): {', '.join(unknown)}")


def unwrap(text: str) -> str:
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def codes(
    entry: Entry, key: str, allowed: Collection[str], *, required: bool = False
) -> tuple[str, ...]:
    values = entry.texts(key)
    if required and not values:
        raise entry.error(f"'{key}' needs at least one value")
    for value in values:
        if value not in allowed:
            raise entry.error(f"{key}: '{value}' is not one of {', '.join(sorted(allowed))}")
    if len(set(values)) != len(values):
        raise entry.error(f"'{key}' lists a value twice")
    return values


def phone_number(entry: Entry, raw: str) -> str:
    """E.164 (or short-code digits) for a number as written in a data file."""
    try:
        return phones.normalise(raw)
    except phones.InvalidPhone as error:
        raise entry.error(f"phone '{raw}' cannot be dialled as written") from error


def phone(entry: Entry) -> PhoneData:
    raw = entry.text("number", required=True)
    number = phone_number(entry, raw)
    kept_because = entry.text("costly_kept_because")
    costly = phones.parse(number).is_costly
    if costly and not kept_because:
        raise entry.error(
            f"phone '{raw}' is a costly 084/087/09 number: give the free or 01/02/03 number "
            "if you are sure of it, drop it, or say why it is kept in costly_kept_because"
        )
    if kept_because and not costly:
        raise entry.error(f"phone '{raw}' is not costly: remove costly_kept_because")
    kind = entry.text("type") or PhoneType.VOICE
    if kind not in PhoneType.values:
        raise entry.error(f"phone type '{kind}' is not one of {', '.join(PhoneType.values)}")
    description = entry.text("description")
    entry.finish()
    return PhoneData(number=number, type=kind, description=description)


_email = EmailValidator()


def email(entry: Entry, value: str) -> str:
    try:
        _email(value)
    except ValidationError as error:
        raise entry.error(f"email '{value}' is not a valid address") from error
    if value != value.lower():
        raise entry.error(f"write email '{value}' in lower case")
    return value


_url = URLValidator(schemes=["http", "https"])


def normalise_url(value: str) -> str:
    """Scheme and host in lower case, no fragment, no trailing slash (as the import contract)."""
    parts = urlsplit(value.strip())
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def url(entry: Entry, value: str) -> str:
    try:
        _url(value)
    except ValidationError as error:
        raise entry.error(f"URL '{value}' is not a valid web address") from error
    if normalise_url(value) != value:
        raise entry.error(f"write URL '{value}' as '{normalise_url(value)}'")
    return value


def schedule(entry: Entry) -> ScheduleData:
    days = entry.text("days", required=True).split(",")
    if not days or any(day not in DAY_CODES for day in days) or len(set(days)) != len(days):
        raise entry.error(f"days must be day codes such as MO,TU,WE (from {', '.join(DAY_CODES)})")
    opens, closes = clock(entry, "opens"), clock(entry, "closes")
    description = entry.text("note")
    entry.finish()
    return ScheduleData(
        byday=",".join(days), opens_at=opens, closes_at=closes, description=description
    )


def clock(entry: Entry, key: str) -> time:
    value = entry.text(key, required=True)
    try:
        return time.fromisoformat(value)
    except ValueError as error:
        raise entry.error(f"{key} '{value}' must be a time like 09:30") from error
