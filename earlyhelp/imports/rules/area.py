"""out-of-area: a resource for another county or country offered to this area's families.

Judged from addresses only, never from names: a web or email domain that names another local
authority ('onyourmindglos'), another area's safeguarding partnership ('gscb'), another
country's domain ending ('.gov' is the United States), or a geographic phone number whose
area code libphonenumber places in another authority's county town.
"""

import re
from functools import cache

import phonenumbers

from earlyhelp.imports import data
from earlyhelp.imports.contacts import addresses
from earlyhelp.imports.contacts.inventory import Inventory
from earlyhelp.imports.result import Code, Finding, Severity
from earlyhelp.imports.rules.common import finding, first_per_key
from earlyhelp.imports.text.document import Document
from earlyhelp.imports.text.words import word_set

FOREIGN_ENDINGS = {
    "gov": "the United States",
    "us": "the United States",
    "au": "Australia",
    "ca": "Canada",
    "nz": "New Zealand",
    "ie": "Ireland",
    "in": "India",
    "za": "South Africa",
}
GENERIC_LABELS = word_set("www org uk gov nhs co sch ac police com net info net ltd plc me mod")
PARTNERSHIP = re.compile(r"^([a-z]{1,3})(?:scb|scp|sab|scpb)$")
LABEL_BEFORE = re.compile(r"^([^\d@]{3,60}?)[\s:–-]*$")


def out_of_area_findings(
    doc: Document, inventory: Inventory, home: data.Area | None
) -> list[Finding]:
    found = []
    places: list[tuple[int, int, str]] = [
        (m.start, m.end, addresses.host_of(m.url)) for m in inventory.urls if m.url
    ]
    places += [(m.start, m.end, m.address.split("@")[-1]) for m in inventory.emails if m.address]
    for start, end, host in first_per_key(
        sorted(places), lambda item: item[2].removeprefix("www.")
    ):
        reason = foreign_reason(host) or (other_area_reason(host, home) if home else None)
        if reason:
            found.append(finding(doc, Code.OUT_OF_AREA, Severity.WARNING, reason, start, end))
    if home is not None:
        found.extend(_phone_findings(doc, inventory, home))
    return found


def foreign_reason(host: str) -> str | None:
    ending = host.rsplit(".", 1)[-1]
    if ending in FOREIGN_ENDINGS and not host.endswith(".uk"):
        return (
            f"{host} is a website for {FOREIGN_ENDINGS[ending]} ('.{ending}'), not a UK resource."
        )
    return None


def other_area_reason(host: str, home: data.Area) -> str | None:
    labels = [label for label in host.split(".") if label not in GENERIC_LABELS]
    for label in labels:
        if _matches(label, home):
            return None
    for label in labels:
        for area in _areas_for_label(label):
            if not area.related(home):
                return (
                    f"{host} is a {area.name} resource ('{label}'); this Offer is for {home.name}."
                )
        partnership = PARTNERSHIP.match(label)
        if partnership and partnership.group(1) not in (_initials(home), "l"):
            return (
                f"{host} looks like another area's safeguarding partnership ('{label}'); "
                f"this Offer is for {home.name}."
            )
    return None


@cache
def _areas_for_label(label: str) -> tuple[data.Area, ...]:
    return tuple(area for area in data.areas() if _matches(label, area))


def _matches(label: str, area: data.Area) -> bool:
    abbreviations = {word.lower() for word in area.abbreviations}
    for fragment in area.fragments:
        if label == fragment:
            return True
        if (len(fragment) >= 7 or fragment in abbreviations) and (
            label.startswith(fragment) or label.endswith(fragment)
        ):
            return True
    return False


def _initials(area: data.Area) -> str:
    return "".join(word[0] for word in re.findall(r"[A-Za-z]+", area.name.split(" (")[0])).lower()


def _phone_findings(doc: Document, inventory: Inventory, home: data.Area) -> list[Finding]:
    found = []
    geographic = [m for m in inventory.phones if m.number and m.number.startswith(("+441", "+442"))]
    # Imported here: the geocoder's data is 38 MB of Python and half a second to import.
    from phonenumbers import geocoder

    for mention in first_per_key(geographic, lambda m: m.number):
        place = geocoder.description_for_number(phonenumbers.parse(mention.number or ""), "en")
        area = _area_of_place(place)
        if area is None or area.related(home):
            continue
        message = (
            f"{' '.join(mention.raw.split())} is a {place} number ({area.name}); "
            f"this Offer is for {home.name} families."
        )
        start, end = _phone_excerpt(doc, mention.start, mention.end)
        found.append(finding(doc, Code.OUT_OF_AREA, Severity.WARNING, message, start, end))
    return found


def _area_of_place(place: str) -> data.Area | None:
    names = {part.strip().lower() for part in re.split(r"[()/,]", place) if part.strip()}
    for area in data.areas():
        if names & set(area.places):
            return area
    return None


def _phone_excerpt(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The organisation's name written before the number, or the number itself."""
    unit = doc.unit_at(start)
    if unit is None:
        return start, end
    if end - unit.start <= 60:
        return unit.start, end
    label = LABEL_BEFORE.match(doc.visible[unit.start : start].strip())
    if label:
        offset = doc.visible.index(label.group(1), unit.start)
        return offset, offset + len(label.group(1))
    return start, end
