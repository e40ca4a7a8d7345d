"""Reading a CSV of existing training records: every line checked, nothing written.

The columns (in any order, names as here, case ignored): `email` (a member of staff with a
role at the school), `training` (a type's name or code), `completed on` (31/12/2024 or
2024-12-31) and, optionally, `provider`. `read_records` returns every row or raises
`TrainingFileError` naming each bad line and column, so that the import is all or nothing.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from earlyhelp.accounts.models import Membership, User
from earlyhelp.lib.csvfile import CsvRow, CsvTable
from earlyhelp.lib.validators import has_nul
from earlyhelp.schools.models import School
from earlyhelp.training.models import TrainingType

COLUMNS = ("email", "training", "completed on", "provider")
REQUIRED = ("email", "training", "completed on")
MAX_ERRORS = 20
EARLIEST = date(1990, 1, 1)


@dataclass(frozen=True)
class RecordRow:
    line: int
    person: User
    training_type: TrainingType
    completed_on: date
    provider: str


class TrainingFileError(ValueError):
    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


class _CellError(ValueError):
    pass


@dataclass(frozen=True)
class _Lookup:
    people: dict[str, User]
    types: dict[str, TrainingType]
    today: date


def read_records(table: CsvTable, *, school: School) -> list[RecordRow]:
    headers = {h.strip().lower(): h for h in table.headers}
    missing = [f"The file has no '{name}' column" for name in REQUIRED if name not in headers]
    if missing:
        raise TrainingFileError(missing)
    if not table.rows:
        raise TrainingFileError(["The file has no training records in it"])
    lookup = _lookup(school)
    errors: list[str] = []
    rows = [row for r in table.rows if (row := _row(r, headers, lookup, errors))]
    if errors:
        more = len(errors) - MAX_ERRORS
        raise TrainingFileError(
            errors[:MAX_ERRORS] + ([f"… and {more} more problems"] * (more > 0))
        )
    return rows


def _lookup(school: School) -> _Lookup:
    members = Membership.objects.filter(school=school, user__is_active=True).select_related("user")
    people = {m.user.email.lower(): m.user for m in members if m.user.email}
    types: dict[str, TrainingType] = {}
    for kind in TrainingType.objects.all():
        types[kind.code.lower()] = types[kind.name.lower()] = kind
    return _Lookup(people, types, timezone.localdate())


def _row(
    row: CsvRow, headers: dict[str, str], lookup: _Lookup, errors: list[str]
) -> RecordRow | None:
    values: dict[str, object] = {}
    for column, read in (
        ("email", _person),
        ("training", _type),
        ("completed on", _date),
        ("provider", _provider),
    ):
        header = headers.get(column)
        try:
            values[column] = read(row.values.get(header, "").strip() if header else "", lookup)
        except _CellError as error:
            errors.append(f"Line {row.line}, column '{header}': {error}")
    if len(values) < len(COLUMNS):
        return None
    return RecordRow(
        line=row.line,
        person=values["email"],  # type: ignore[arg-type]
        training_type=values["training"],  # type: ignore[arg-type]
        completed_on=values["completed on"],  # type: ignore[arg-type]
        provider=values["provider"],  # type: ignore[arg-type]
    )


def _person(value: str, lookup: _Lookup) -> User:
    if not value:
        raise _CellError("enter the member of staff's email address")
    person = lookup.people.get(value.lower())
    if person is None:
        raise _CellError(f"{value} is not a member of staff at this school")
    return person


def _type(value: str, lookup: _Lookup) -> TrainingType:
    if not value:
        raise _CellError("enter the training's name")
    kind = lookup.types.get(value.lower())
    if kind is None:
        raise _CellError(f"'{value}' is not a training type (see the list on this page)")
    return kind


def _date(value: str, lookup: _Lookup) -> date:
    if not value:
        raise _CellError("enter the date the training was completed")
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            day = datetime.strptime(value, pattern).date()
        except ValueError:
            continue
        if day > lookup.today:
            raise _CellError("the date completed must be today or in the past")
        if day < EARLIEST:
            raise _CellError("the date completed must be after 1 January 1990")
        return day
    raise _CellError(f"'{value}' is not a date: write it like 31/12/2024")


def _provider(value: str, lookup: _Lookup) -> str:
    if has_nul(value):
        raise _CellError("has a hidden control character (NUL): remove it and upload again")
    if len(value) > 200:
        raise _CellError("must be 200 characters or fewer")
    return value
