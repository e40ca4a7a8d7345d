"""Reading the query string: a bad value is a 400 with a message, never a guess."""

from dataclasses import dataclass
from datetime import UTC, datetime, time
from decimal import Decimal, InvalidOperation
from uuid import UUID

from django.http import QueryDict
from django.utils.dateparse import parse_date, parse_datetime

from earlyhelp.oruk.queries import DAYS, Filters, Point, postcode_centre

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_PAGE = 100_000
DEFAULT_PROXIMITY_M = 10_000
MAX_PROXIMITY_M = 200_000


class BadParameter(ValueError):
    """A query parameter the API cannot honour; the message names it."""


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int


def paging_from(query: QueryDict) -> Paging:
    page = _integer(query, "page", 1, 1, MAX_PAGE)
    per_page = _integer(query, "per_page", DEFAULT_PER_PAGE, 1, None)
    return Paging(page, min(per_page, MAX_PER_PAGE))


def uuid_or_none(text: str) -> UUID | None:
    try:
        return UUID(text)
    except ValueError:
        return None


def filters_from(query: QueryDict) -> Filters:
    return Filters(
        search=query.get("search", "").strip()[:200],
        taxonomy_term_id=_uuid(query, "taxonomy_term_id"),
        taxonomy_id=_uuid(query, "taxonomy_id"),
        minimum_age=_age(query, "minimum_age"),
        maximum_age=_age(query, "maximum_age"),
        day=_day(query),
        start_time=_time(query, "start_time"),
        end_time=_time(query, "end_time"),
        modified_after=_modified_after(query),
        near=_near(query),
        proximity=_proximity(query),
    )


def _integer(query: QueryDict, name: str, default: int, low: int, high: int | None) -> int:
    text = query.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise BadParameter(f"{name} must be a whole number, not {text[:40]!r}") from None
    if value < low or (high is not None and value > high):
        limit = f"from {low} to {high}" if high is not None else f"at least {low}"
        raise BadParameter(f"{name} must be {limit}")
    return value


def _uuid(query: QueryDict, name: str) -> UUID | None:
    text = query.get(name, "").strip()
    if not text:
        return None
    value = uuid_or_none(text)
    if value is None:
        raise BadParameter(f"{name} must be a UUID, not {text[:40]!r}")
    return value


def _age(query: QueryDict, name: str) -> Decimal | None:
    text = query.get(name, "").strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise BadParameter(f"{name} must be an age in years, not {text[:40]!r}") from None
    if not value.is_finite() or not 0 <= value <= 150:
        raise BadParameter(f"{name} must be an age from 0 to 150")
    return value


def _day(query: QueryDict) -> str:
    text = query.get("day", "").strip().upper()
    if text and text not in DAYS:
        raise BadParameter(f"day must be one of {', '.join(DAYS)}")
    return text


def _time(query: QueryDict, name: str) -> time | None:
    text = query.get(name, "").strip()
    if not text:
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise BadParameter(f"{name} must be a time such as 09:00 or 17:30:00") from None


def _modified_after(query: QueryDict) -> datetime | None:
    text = query.get("modified_after", "").strip()
    if not text:
        return None
    try:
        moment = parse_datetime(text.replace(" ", "+"))
        if moment is None:
            day = parse_date(text)
            moment = datetime(day.year, day.month, day.day) if day else None
    except ValueError:
        moment = None
    if moment is None:
        raise BadParameter("modified_after must be a date or an ISO 8601 date and time")
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _near(query: QueryDict) -> Point | None:
    postcode = query.get("postcode", "").strip()
    latitude, longitude = query.get("latitude", "").strip(), query.get("longitude", "").strip()
    if latitude or longitude:
        try:
            point = Point(float(latitude), float(longitude))
        except ValueError:
            raise BadParameter("latitude and longitude must both be decimal degrees") from None
        if not (-90 <= point.latitude <= 90 and -180 <= point.longitude <= 180):
            raise BadParameter("latitude and longitude are out of range")
        return point
    if not postcode:
        return None
    centre = postcode_centre(postcode[:10])
    if centre is None:
        raise BadParameter(f"postcode {postcode[:10]!r} is not known to this directory")
    return centre


def _proximity(query: QueryDict) -> float | None:
    if not any(query.get(name) for name in ("postcode", "latitude", "longitude")):
        return None
    text = query.get("proximity", "").strip()
    if not text:
        return float(DEFAULT_PROXIMITY_M)
    try:
        metres = float(text)
    except ValueError:
        raise BadParameter("proximity must be a distance in metres") from None
    if not 0 < metres <= MAX_PROXIMITY_M:
        raise BadParameter(f"proximity must be more than 0 and at most {MAX_PROXIMITY_M} metres")
    return metres
