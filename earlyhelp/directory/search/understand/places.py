"""Postcodes and place names in a query.

A full postcode ("WR9 8AA"), a postcode district ("WR9") or area ("WR") is recognised by its
shape and, for districts and areas, by the postcode data loaded (`Postcode`); place names are
the names of the areas services are delivered in and the places in the postcode data.
"""

import re
from dataclasses import dataclass

FULL = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})\b")
DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
AREA = re.compile(r"^[A-Z]{1,2}$")


@dataclass(frozen=True)
class Place:
    """Where a search is about: a label to show, and what to compare services with."""

    label: str
    postcode: str = ""  # "WR9 8AA"
    district: str = ""  # "WR9"
    area: str = ""  # "WR"
    name: str = ""  # a place name, "Droitwich Spa"
    latitude: float | None = None
    longitude: float | None = None


def full_postcode(text: str) -> tuple[str, str] | None:
    """The first full postcode in `text` as (outward, inward), or None."""
    found = FULL.search(text.upper())
    return (found.group(1), found.group(2)) if found else None


def district_of(postcode: str) -> str:
    return postcode.upper().split()[0] if " " in postcode else postcode.upper()[:-3]


def area_of(district: str) -> str:
    return re.match(r"[A-Z]+", district.upper()).group(0) if district[:1].isalpha() else ""  # type: ignore[union-attr]


def is_district(word: str) -> bool:
    return bool(DISTRICT.match(word.upper()))


def is_area(word: str) -> bool:
    return bool(AREA.match(word.upper()))
