"""Which working contacts sit in which layout unit: where people and services meet contacts."""

import bisect
from dataclasses import dataclass

from earlyhelp.imports.contacts.inventory import Inventory
from earlyhelp.imports.text.document import Document


@dataclass(frozen=True)
class Located:
    kind: str  # "phones", "emails" or "urls"
    value: str
    start: int
    unit: int  # index into doc.units, -1 when outside every unit


def locate(doc: Document, inventory: Inventory) -> list[Located]:
    starts = doc.unit_starts
    found = []
    for start, kind, value in inventory.listed():
        i = bisect.bisect_right(starts, start) - 1
        inside = i >= 0 and doc.units[i].start <= start < doc.units[i].end
        found.append(Located(kind, value, start, i if inside else -1))
    return found


def by_unit(doc: Document, inventory: Inventory) -> dict[int, list[Located]]:
    grouped: dict[int, list[Located]] = {}
    for item in locate(doc, inventory):
        if item.unit >= 0:
            grouped.setdefault(item.unit, []).append(item)
    return grouped
