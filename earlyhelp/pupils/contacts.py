"""Reading a roll export's family contacts: numbered columns, as each MIS names them.

A roll export carries a pupil's contacts as numbered columns ("Contact 1 Name",
"Contact 1 Telephone", ...). Their header names per MIS are data, in
`data/mis_contact_headers.toml`; `{n}` there is the contact's number, 1 to MAX_CONTACTS.
Phones are kept in E.164 (`lib.phones.normalise_held`); a contact's priority is its
"priority" column, or its number when the file has none (1 is called first).
"""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator

from earlyhelp.lib import phones, validators
from earlyhelp.lib.csvfile import CsvRow

MAPPINGS_FILE = Path(__file__).parent / "data" / "mis_contact_headers.toml"
MAX_CONTACTS = 4
MAX_PRIORITY = 99
LENGTHS = {"name": 100, "relationship": 50, "email": 254}


@dataclass(frozen=True)
class ContactRow:
    """One family contact as the roll file gives it."""

    name: str
    relationship: str
    phone: str  # E.164, or "" when the file gives none
    email: str
    priority: int


class ContactError(ValueError):
    """One bad cell: the message names the column."""


def header_key(header: str) -> str:
    return re.sub(r"[\s._\-]+", "", header).lower()


@cache
def contact_mappings() -> dict[str, dict[str, tuple[str, ...]]]:
    raw = tomllib.loads(MAPPINGS_FILE.read_text())
    return {fmt: {f: tuple(h) for f, h in table.items()} for fmt, table in raw.items()}


def contact_columns(headers: tuple[str, ...], fmt: str) -> dict[int, dict[str, str]]:
    """Contact number -> field -> the file's header, for the contacts the file has."""
    present = {header_key(h): h for h in headers}
    found: dict[int, dict[str, str]] = {}
    for n in range(1, MAX_CONTACTS + 1):
        for field, names in contact_mappings().get(fmt, {}).items():
            for name in names:
                key = header_key(name.replace("{n}", str(n)))
                if key in present:
                    found.setdefault(n, {})[field] = present[key]
                    break
    return found


def read_contacts(row: CsvRow, columns: dict[int, dict[str, str]]) -> list[ContactRow]:
    """The row's contacts in the order to call them; raises ContactError for a bad cell."""
    contacts = []
    for n, named in columns.items():
        cells = {field: row.values.get(header, "").strip() for field, header in named.items()}
        if not any(cells.get(f) for f in ("name", "phone", "email")):
            continue
        contacts.append((_contact(cells, named, n), n))
    return [c for c, _ in sorted(contacts, key=lambda pair: (pair[0].priority, pair[1]))]


def _contact(cells: dict[str, str], named: dict[str, str], n: int) -> ContactRow:
    for field, limit in LENGTHS.items():
        value = cells.get(field, "")
        if len(value) > limit:
            raise ContactError(f"column '{named[field]}': must be {limit} characters or fewer")
        if validators.has_nul(value):
            raise ContactError(f"column '{named[field]}': has a hidden control character (NUL)")
    if not cells.get("name"):
        where = named.get("name", f"contact {n} name")
        raise ContactError(f"column '{where}': enter the name of contact {n}")
    return ContactRow(
        name=cells["name"],
        relationship=cells.get("relationship", ""),
        phone=_phone(cells.get("phone", ""), named.get("phone", "")),
        email=_email(cells.get("email", ""), named.get("email", "")),
        priority=_priority(cells.get("priority", ""), named.get("priority", ""), n),
    )


def _phone(value: str, header: str) -> str:
    if not value:
        return ""
    try:
        number = phones.normalise_held(value)
    except phones.InvalidPhone:
        number = ""
    if not number.startswith("+"):
        raise ContactError(f"column '{header}': enter a phone number, like 01632 960001")
    return number


def _email(value: str, header: str) -> str:
    if not value:
        return ""
    try:
        EmailValidator()(value)
    except ValidationError:
        raise ContactError(
            f"column '{header}': enter an email address, like name@example.org"
        ) from None
    return value


def _priority(value: str, header: str, n: int) -> int:
    if not value:
        return n
    if not value.isdigit() or not 1 <= int(value) <= MAX_PRIORITY:
        raise ContactError(f"column '{header}': enter a priority from 1 (call first) to 99")
    return int(value)
