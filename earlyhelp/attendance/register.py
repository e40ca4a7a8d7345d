"""Reading a register file (the contract's CSV: upn,date,session,code) into checked marks.

Nothing is written here. `read_register` returns every mark, checked, or raises
`RegisterFileError` naming every bad line, so that the import is all or nothing. Whether a
UPN is on the school's roll is checked by the caller, who knows the roll.
"""

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from earlyhelp.attendance.codes import RETIRED, normalise_code
from earlyhelp.lib.csvfile import CsvTable
from earlyhelp.pupils.upn import normalise_upn

COLUMNS = ("upn", "date", "session", "code")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UK = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")


class RegisterFileError(ValueError):
    """Bad lines, each named, in line order (`messages`, one sentence a line)."""

    def __init__(self, errors: list[tuple[int, str]]) -> None:
        self.errors = sorted(errors)
        self.messages = [f"Line {n}: {text}" if n else text for n, text in self.errors]
        super().__init__("\n".join(self.messages))


@dataclass(frozen=True)
class Mark:
    line: int
    upn: str
    date: date
    session: str
    code: str


def read_register(table: CsvTable, *, roll: Collection[str]) -> list[Mark]:
    """Every mark in the file, or RegisterFileError naming each bad line.

    `roll` holds the UPNs on the school's roll: any other UPN is a bad line.
    """
    columns = {h.strip().lower(): h for h in table.headers}
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        raise RegisterFileError(
            [
                (
                    0,
                    f"The first line must name the columns upn,date,session,code (missing: "
                    f"{', '.join(missing)})",
                )
            ]
        )
    marks: list[Mark] = []
    errors: list[tuple[int, str]] = []
    for row in table.rows:
        values = {c: row.values.get(columns[c], "") for c in COLUMNS}
        mark, problems = _read(row.line, values, roll)
        if mark is None:
            errors.append((row.line, "; ".join(problems)))
        else:
            marks.append(mark)
    errors += _conflicts(marks)
    if errors:
        raise RegisterFileError(errors)
    return marks


def _read(
    line: int, values: dict[str, str], roll: Collection[str]
) -> tuple[Mark | None, list[str]]:
    """The line's mark, or its problems (each value read once: a county's day is
    200,000 lines)."""
    problems = []
    upn = normalise_upn(values["upn"])
    if not upn:
        problems.append("the UPN is missing")
    elif upn not in roll:
        problems.append(f"the UPN {upn} is not on the school's roll")
    day = parse_date(values["date"])
    if day is None:
        problems.append(f"the date {values['date']!r} is not YYYY-MM-DD or DD/MM/YYYY")
    session = values["session"].strip().upper()
    code = None
    if session not in ("AM", "PM"):
        problems.append(f"the session {values['session']!r} must be AM or PM")
    elif (code := normalise_code(values["code"], session=session)) is None:
        problems.append(_code_problem(values["code"]))
    if problems or day is None or code is None:
        return None, problems
    return Mark(line, upn, day, session, code), []


def _code_problem(text: str) -> str:
    if text.strip().upper() in RETIRED:
        return f"the code {text.strip()!r} was retired in August 2024"
    if not text.strip():
        return "the code is missing (use - for no mark yet)"
    return f"{text.strip()!r} is not an attendance code"


def _conflicts(marks: list[Mark]) -> list[tuple[int, str]]:
    """Two lines giving one session different codes: the file contradicts itself."""
    seen: dict[tuple[str, date, str], Mark] = {}
    errors = []
    for mark in marks:
        key = (mark.upn, mark.date, mark.session)
        first = seen.setdefault(key, mark)
        if first.code != mark.code:
            errors.append(
                (
                    mark.line,
                    f"the code {mark.code!r} contradicts line {first.line} ({first.code!r}) "
                    "for the same pupil, date and session",
                )
            )
    return errors


@functools.lru_cache(maxsize=1024)  # a register file repeats a few dates many times
def parse_date(text: str) -> date | None:
    text = text.strip()
    try:
        if _ISO.match(text):
            return date.fromisoformat(text)
        if _UK.match(text):
            return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        return None
    return None
