"""Re-encrypt every encrypted column under the first key of FIELD_ENCRYPTION_KEYS.

Rotation works on the stored tokens, never through the models: rows are read and written
with plain SQL, in primary-key order, one transaction per batch (rows locked on PostgreSQL),
so a long rotation can be stopped and started again. A value already under the first key is
left alone, which makes a second run change nothing. A value found in clear (written before
its column was encrypted) is encrypted. A token that no key can read stops the rotation
before anything in its batch is written: the key it needs was removed too early.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import connection, models, transaction

from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.lib.encryption import PREFIX, encrypt, encrypted_fields, reencrypt

ROTATED = AuditAction.ENCRYPTION_KEYS_ROTATED
PK = int | str


class UnreadableValueError(Exception):
    """A stored value cannot be read with any key in FIELD_ENCRYPTION_KEYS."""


class MissingTableError(Exception):
    """An encrypted column's table is not in the database (migrations not applied)."""


@dataclass(frozen=True)
class Column:
    table: str
    pk: str
    name: str
    label: str  # "app_label.model.field", for people and the audit event


@dataclass
class ColumnResult:
    rewritten: int = 0
    current: int = 0
    were_clear: int = 0

    @property
    def total(self) -> int:
        return self.rewritten + self.current + self.were_clear


@dataclass
class RotationResult:
    columns: dict[str, ColumnResult] = field(default_factory=dict)

    @property
    def rewritten(self) -> int:
        return sum(c.rewritten + c.were_clear for c in self.columns.values())

    @property
    def current(self) -> int:
        return sum(c.current for c in self.columns.values())


Progress = Callable[[Column, int], None]


def list_encrypted_columns() -> list[Column]:
    """Every encrypted column once, in the table that holds it (inherited fields included)."""
    seen: dict[tuple[str, str], Column] = {}
    for model, names in encrypted_fields():
        for name in names:
            owner = model._meta.get_field(name).model
            column = _column(owner, name)
            seen.setdefault((column.table, column.name), column)
    return sorted(seen.values(), key=lambda c: c.label)


def rotate_field_keys(
    *, batch_size: int = 500, on_progress: Progress | None = None
) -> RotationResult:
    """Rewrite every value not yet under the first key; record one audit event with counts."""
    columns = list_encrypted_columns()
    _check_tables_exist(columns)
    result = RotationResult()
    for column in columns:
        result.columns[column.label] = _rotate_column(column, batch_size, on_progress)
    with transaction.atomic():
        record_event(
            by=None,
            action=ROTATED,
            details={
                "keys": len(settings.FIELD_ENCRYPTION_KEYS),
                "columns": {
                    label: {"rewritten": c.rewritten, "current": c.current, "clear": c.were_clear}
                    for label, c in result.columns.items()
                },
            },
        )
    return result


def _check_tables_exist(columns: list[Column]) -> None:
    missing = {c.table for c in columns} - set(connection.introspection.table_names())
    if missing:
        raise MissingTableError(
            f"Tables {', '.join(sorted(missing))} do not exist: run earlyhelp migrate first."
        )


def _column(model: type[models.Model], name: str) -> Column:
    meta = model._meta
    return Column(
        table=meta.db_table,
        pk=meta.pk.column if meta.pk is not None and meta.pk.column else "id",
        name=getattr(meta.get_field(name), "column", None) or name,
        label=f"{meta.label_lower}.{name}",
    )


def _rotate_column(column: Column, batch_size: int, on_progress: Progress | None) -> ColumnResult:
    counts, last_pk, done = ColumnResult(), None, 0
    while True:
        with transaction.atomic():
            rows = _read_batch(column, last_pk, batch_size)
            if not rows:
                return counts
            _write_batch(column, _changes(column, rows, counts))
        last_pk, done = rows[-1][0], done + len(rows)
        if on_progress is not None:
            on_progress(column, done)


def _read_batch(column: Column, after: PK | None, size: int) -> list[tuple[PK, str]]:
    q = connection.ops.quote_name
    pk, name, table = q(column.pk), q(column.name), q(column.table)
    where = f"{name} IS NOT NULL AND {name} <> ''"
    params: list[PK] = []
    if after is not None:
        where += f" AND {pk} > %s"
        params.append(after)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    # Names come from Django's model metadata, quoted; values are bound parameters.
    sql = f"SELECT {pk}, {name} FROM {table} WHERE {where} ORDER BY {pk} LIMIT %s{lock}"  # noqa: S608 # nosec B608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, size])
        return list(cursor.fetchall())


def _changes(
    column: Column, rows: list[tuple[PK, str]], counts: ColumnResult
) -> list[tuple[str, PK]]:
    current_key = Fernet(settings.FIELD_ENCRYPTION_KEYS[0].encode())
    changes = []
    for pk, stored in rows:
        if not stored.startswith(PREFIX):
            changes.append((encrypt(stored), pk))
            counts.were_clear += 1
        elif _is_current(current_key, stored):
            counts.current += 1
        else:
            changes.append((_reencrypt(column, pk, stored), pk))
            counts.rewritten += 1
    return changes


def _is_current(key: Fernet, stored: str) -> bool:
    try:
        key.decrypt(stored[len(PREFIX) :].encode())
    except InvalidToken:
        return False
    return True


def _reencrypt(column: Column, pk: PK, stored: str) -> str:
    try:
        return reencrypt(stored)
    except InvalidToken as error:
        raise UnreadableValueError(
            f"Row {pk} of {column.label} cannot be read with any key in FIELD_ENCRYPTION_KEYS: "
            "put back the key it was written with (after the new one) and run again."
        ) from error


def _write_batch(column: Column, changes: list[tuple[str, PK]]) -> None:
    if not changes:
        return
    q = connection.ops.quote_name
    pk, name, table = q(column.pk), q(column.name), q(column.table)
    sql = f"UPDATE {table} SET {name} = %s WHERE {pk} = %s"  # noqa: S608 # nosec B608
    with connection.cursor() as cursor:
        cursor.executemany(sql, changes)
