"""Reading a roll export: columns by MIS format, then one checked `PupilRow` per line.

Nothing is written here. `read_roll` either returns every row, checked, or raises
`RollFileError` naming each bad line and column, so that the action imports all or nothing.
"""

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from pathlib import Path

from earlyhelp.lib import validators
from earlyhelp.lib.csvfile import CsvRow, CsvTable
from earlyhelp.pupils.contacts import (
    ContactError,
    ContactRow,
    contact_columns,
    header_key,
    read_contacts,
)
from earlyhelp.pupils.models import Pupil, SenStatus, YearGroup
from earlyhelp.pupils.upn import is_valid_upn, normalise_upn

MAPPINGS_FILE = Path(__file__).parent / "data" / "mis_headers.toml"
REQUIRED = ("upn", "legal_first_name", "legal_last_name", "date_of_birth", "year_group")
FLAGS = (
    "pupil_premium",
    "free_school_meals",
    "english_additional_language",
    "looked_after",
    "previously_looked_after",
    "young_carer",
)
MAX_ERRORS = 20
FIELD_LABELS = {
    "upn": "UPN",
    "legal_first_name": "Legal first name",
    "legal_last_name": "Legal last name",
    "preferred_name": "Preferred first name",
    "date_of_birth": "Date of birth",
    "year_group": "Year group",
    "registration_group": "Registration group",
    "sen_status": "SEN status",
    "pupil_premium": "Pupil premium",
    "free_school_meals": "Free school meals",
    "english_additional_language": "English as an additional language",
    "looked_after": "Looked after",
    "previously_looked_after": "Previously looked after",
    "young_carer": "Young carer",
    "admitted_on": "Admission date",
    "left_on": "Leaving date",
}


@dataclass(frozen=True)
class PupilRow:
    """One pupil as the roll file gives them: the fields the import may set."""

    upn: str
    legal_first_name: str
    legal_last_name: str
    date_of_birth: date
    year_group: str
    preferred_name: str = ""
    registration_group: str = ""
    sen_status: str = SenStatus.NONE
    pupil_premium: bool = False
    free_school_meals: bool = False
    english_additional_language: bool = False
    looked_after: bool = False
    previously_looked_after: bool = False
    young_carer: bool = False
    admitted_on: date | None = None
    left_on: date | None = None
    # The fields the file has columns for: an update leaves the others as they were.
    given: frozenset[str] = frozenset()
    # The family contacts in calling order; None when the file has no contact columns.
    contacts: tuple[ContactRow, ...] | None = None

    def values(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in ROW_FIELDS if name in self.given}


ROW_FIELDS = tuple(f.name for f in fields(PupilRow) if f.name not in ("given", "contacts"))


class RollFileError(ValueError):
    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


class _CellError(ValueError):
    pass


@cache
def mappings() -> dict[str, dict[str, tuple[str, ...]]]:
    raw = tomllib.loads(MAPPINGS_FILE.read_text())
    return {fmt: {f: tuple(h) for f, h in table.items()} for fmt, table in raw.items()}


FORMATS = ("earlyhelp", "sims", "arbor", "bromcom")


def columns_for(headers: tuple[str, ...], fmt: str) -> dict[str, str]:
    """Field name -> the file's header for it, in format `fmt` (only those present)."""
    present = {header_key(h): h for h in headers}
    found = {}
    for field, names in mappings()[fmt].items():
        for name in names:
            if header_key(name) in present:
                found[field] = present[header_key(name)]
                break
    return found


def detect_format(headers: tuple[str, ...]) -> str:
    """The format whose required columns are all present, matching the most headers."""
    scored = []
    for fmt in FORMATS:
        columns = columns_for(headers, fmt)
        if all(f in columns for f in REQUIRED):
            scored.append((len(columns), -FORMATS.index(fmt), fmt))
    if not scored:
        raise RollFileError(
            [
                "The file's columns do not match a roll export we know. The first line must "
                "name at least the UPN, legal first name, legal last name, date of birth and "
                "year group columns (see the list of column names on this page)"
            ]
        )
    return max(scored)[2]


PROGRESS_EVERY = 1000


def read_roll(
    table: CsvTable, *, fmt: str = "auto", progress: Callable[[int], object] | None = None
) -> list[PupilRow]:
    """Every row checked; `progress(rows_checked)` is called every 1,000 rows."""
    fmt = detect_format(table.headers) if fmt == "auto" else fmt
    columns = columns_for(table.headers, fmt)
    missing = [mappings()[fmt][f][0] for f in REQUIRED if f not in columns]
    if missing:
        raise RollFileError([f"The file has no '{name}' column" for name in missing])
    if not table.rows:
        raise RollFileError(["The file has no pupils in it"])
    contacts = contact_columns(table.headers, fmt)
    errors: list[str] = []
    rows: list[PupilRow] = []
    first_line: dict[str, int] = {}
    for done, csv_row in enumerate(table.rows, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
        row = _read_row(csv_row, columns, errors, contacts)
        if row is None:
            continue
        if row.upn in first_line:
            errors.append(
                f"Line {csv_row.line}, column '{columns['upn']}': UPN {row.upn} is also on "
                f"line {first_line[row.upn]}; each pupil must appear once"
            )
            continue
        first_line[row.upn] = csv_row.line
        rows.append(row)
    if errors:
        raise RollFileError(errors[:MAX_ERRORS] + _more(len(errors)))
    return rows


def _more(count: int) -> list[str]:
    if count <= MAX_ERRORS:
        return []
    return [f"… and {count - MAX_ERRORS} more problems"]


def _read_row(
    csv_row: CsvRow,
    columns: dict[str, str],
    errors: list[str],
    contact_cols: dict[int, dict[str, str]],
) -> PupilRow | None:
    values: dict[str, object] = {}
    failed = False
    if contact_cols:
        try:
            values["contacts"] = tuple(read_contacts(csv_row, contact_cols))
        except ContactError as error:
            errors.append(f"Line {csv_row.line}, {error}")
            failed = True
    for field in ROW_FIELDS:
        if field not in columns:
            continue
        header = columns[field]
        try:
            values[field] = _PARSERS.get(field, _text)(csv_row.values.get(header, ""), field)
        except _CellError as error:
            errors.append(f"Line {csv_row.line}, column '{header}': {error}")
            failed = True
    if failed:
        return None
    given = frozenset(values) - {"contacts"}
    row = PupilRow(**values, given=given)  # type: ignore[arg-type]
    problem = _dates_problem(row, columns)
    if problem:
        errors.append(f"Line {csv_row.line}, {problem}")
        return None
    return row


def _dates_problem(row: PupilRow, columns: dict[str, str]) -> str:
    if row.date_of_birth > date.today():
        return f"column '{columns['date_of_birth']}': the date of birth must be in the past"
    if not validators.BIRTH.contains(row.date_of_birth):
        return (
            f"column '{columns['date_of_birth']}': the date of birth must be that of a pupil "
            f"(aged 1 to 25), not {row.date_of_birth:%d/%m/%Y}"
        )
    for field in ("admitted_on", "left_on"):
        day = getattr(row, field)
        if day is not None and not validators.ENROLMENT.contains(day):
            return f"column '{columns[field]}': enter a date within the last 25 years"
    if row.left_on and row.admitted_on and row.left_on < row.admitted_on:
        return f"column '{columns['left_on']}': the leaving date must be after the admission date"
    return ""


def _text(value: str, field: str) -> str:
    if field in REQUIRED and not value:
        raise _CellError(f"enter the pupil's {field.replace('_', ' ')}")
    if validators.has_nul(value):
        raise _CellError("has a hidden control character (NUL): remove it and upload again")
    if "\ufffd" in value:
        raise _CellError(
            "has the character \ufffd, a letter lost when the file was saved: correct the "
            "name in your system and export the file again"
        )
    limit = _max_length(field)
    if len(value) > limit:
        raise _CellError(f"must be {limit} characters or fewer")
    return value


def _max_length(field: str) -> int:
    model_field = Pupil._meta.get_field(field)
    return int(getattr(model_field, "max_length", None) or 100)


def _upn(value: str, field: str) -> str:
    upn = normalise_upn(value)
    if not upn:
        raise _CellError("enter the pupil's UPN")
    if not is_valid_upn(upn):
        raise _CellError(
            "enter a real UPN: a letter, 11 digits and a last digit or letter, with the "
            "right check letter, like A820200100001"
        )
    return upn


_DATE_PATTERNS = (
    re.compile(r"^(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ].*)?$"),
)


def _date(value: str, field: str) -> date | None:
    if not value:
        if field == "date_of_birth":
            raise _CellError("enter the pupil's date of birth, like 27/03/2017")
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(value)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                break
    raise _CellError("enter a real date, like 27/03/2017")


_YEARS = {"n": "N", "n1": "N", "n2": "N", "nursery": "N", "r": "R", "rec": "R", "reception": "R"}


def _year(value: str, field: str) -> str:
    key = re.sub(r"^(year|yr|y)\s*", "", value.strip().lower())
    year = _YEARS.get(key) or (str(int(key)) if key.isdigit() else "")
    if year not in YearGroup.values:
        raise _CellError("enter a year group: N, R or a number from 1 to 13")
    return year


_SEN = {
    "": "N",
    "n": "N",
    "no": "N",
    "none": "N",
    "k": "K",
    "sen support": "K",
    "support": "K",
    "e": "E",
    "ehcp": "E",
    "ehc plan": "E",
    "education, health and care plan": "E",
    "s": "E",
    "statement": "E",
}


def _sen(value: str, field: str) -> str:
    try:
        return _SEN[value.strip().lower()]
    except KeyError:
        raise _CellError("enter N (none), K (SEN support) or E (EHC plan)") from None


_YES = {"y", "yes", "true", "t", "1"}
_NO = {"", "n", "no", "false", "f", "0"}


def _flag(value: str, field: str) -> bool:
    answer = value.strip().lower()
    if answer in _YES:
        return True
    if answer in _NO:
        return False
    raise _CellError("enter Yes or No (or leave it empty for No)")


_PARSERS = {
    "upn": _upn,
    "date_of_birth": _date,
    "admitted_on": _date,
    "left_on": _date,
    "year_group": _year,
    "sen_status": _sen,
    **dict.fromkeys(FLAGS, _flag),
}
