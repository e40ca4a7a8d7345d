"""phone-inconsistent and missing-required: checks across the whole extraction."""

import re
from collections import Counter

from earlyhelp.imports.contacts.inventory import Inventory
from earlyhelp.imports.result import Code, Finding, Person, Service, Severity
from earlyhelp.imports.rules.common import finding
from earlyhelp.imports.text.document import Document
from earlyhelp.lib import phones

FRONT_DOOR = re.compile(
    r"(?i)front\s+door|\bmash\b|multi[\s-]agency\s+safeguarding\s+hub|children'?s\s+social\s+care|"
    r"social\s+care|children'?s\s+services|first\s+response|children'?s\s+advice|"
    r"(?:duty|advice)\s+and\s+(?:advice|assessment)|\bcads\b|initial\s+response|"
    r"safeguarding\s+(?:hub|referral)|referral\s+(?:and|&)\s+assessment|\bspa\b"
)
MAX_DIGIT_CHANGES = 2
MAX_GROUP = 30
# Numbers that differ only in their last two digits are usually direct lines of one switchboard.
DIRECT_LINE_DIGITS = 2


def inconsistent_phones(
    doc: Document, inventory: Inventory, people: list[Person], services: list[Service]
) -> list[Finding]:
    """One organisation given two numbers that differ by a digit or two: one is a typo."""
    counts = Counter(m.number for m in inventory.phones if m.number)
    groups = [[p for person in people for p in person.contacts.phones]]
    groups += [list(service.contacts.phones) for service in services]
    found, flagged = [], set()
    for group in groups:
        numbers = sorted({n for n in group if n.startswith("+")})
        if len(numbers) > MAX_GROUP:
            continue  # a list of many numbers under one heading is not one organisation
        for i, a in enumerate(numbers):
            for b in numbers[i + 1 :]:
                if not differ_by_a_digit_or_two(a, b):
                    continue
                rare, usual = sorted((a, b), key=lambda n: (counts[n], n))
                if rare in flagged:
                    continue
                flagged.add(rare)
                found.append(_finding(doc, inventory, rare, usual))
    return found


def differ_by_a_digit_or_two(a: str, b: str) -> bool:
    if len(a) != len(b) or a == b:
        return False
    changes = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    direct_lines = all(i >= len(a) - DIRECT_LINE_DIGITS for i in changes)
    return len(changes) <= MAX_DIGIT_CHANGES and not direct_lines


def _finding(doc: Document, inventory: Inventory, rare: str, usual: str) -> Finding:
    mention = next(m for m in inventory.phones if m.number == rare)
    message = (
        f"{phones.format_for_display(rare)} differs by a digit or two from "
        f"{phones.format_for_display(usual)}, given elsewhere for the same organisation; "
        "one of them is probably a typing error."
    )
    return finding(
        doc, Code.PHONE_INCONSISTENT, Severity.ERROR, message, mention.start, mention.end
    )


def missing_required(doc: Document, inventory: Inventory, people: list[Person]) -> list[Finding]:
    missing = []
    dsls = [p for p in people if p.role == "dsl"]
    if not dsls:
        missing.append("No Designated Safeguarding Lead (DSL) is named.")
    elif not any(p.contacts.phones or p.contacts.emails for p in dsls):
        missing.append(f"No phone number or email address is given for the DSL, {dsls[0].name}.")
    if not any(p.role == "deputy_dsl" for p in people):
        missing.append("No deputy Designated Safeguarding Lead is named.")
    if not _front_door_number(doc, inventory):
        missing.append(
            "The local authority's front door (children's social care) number is not given."
        )
    if not any(m.number == "999" for m in inventory.phones):
        missing.append("999 is not given for an emergency.")
    start, end = _title_span(doc)
    return [
        finding(doc, Code.MISSING_REQUIRED, Severity.WARNING, text, start, end) for text in missing
    ]


def _front_door_number(doc: Document, inventory: Inventory) -> bool:
    for mention in inventory.phones:
        if not mention.number or mention.kind is phones.PhoneKind.SHORT_CODE:
            continue
        unit = doc.unit_at(mention.start)
        line_start = doc.text.rfind("\n", 0, mention.start) + 1
        context = doc.visible[max(line_start, mention.start - 250) : mention.start]
        if FRONT_DOOR.search(context) or (unit is not None and FRONT_DOOR.search(unit.text)):
            return True
    return False


def _title_span(doc: Document) -> tuple[int, int]:
    """Something absent has no place in the document: point at its title line."""
    for unit in doc.units:
        if len(unit.text) >= 5:
            return unit.start, unit.end
    return 0, min(len(doc.text), 60)
