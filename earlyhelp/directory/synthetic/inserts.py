"""Plain multi-row INSERTs for the bulk of synthetic rows.

`bulk_create` spends most of its time compiling SQL object by object; for the million or so
child rows of a county-scale directory, one statement per table and batch run with
`executemany` is many times faster. Values still pass through each field's
`get_db_prep_save`; columns not named take the field's default, and each row gets its own
HSDS id.
"""

from collections.abc import Sequence
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models

from earlyhelp.directory.models import new_hsds_id


def insert_rows(
    model: type[models.Model], names: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """INSERT `rows` (values in the order of `names`) into `model`'s table."""
    if not rows:
        return
    connection = connections[DEFAULT_DB_ALIAS]
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    given = {model._meta.get_field(name).name: index for index, name in enumerate(names)}
    defaults = {f.name: f.get_default() for f in fields if f.name not in given}
    prep = [
        (lambda v, f=f: f.get_db_prep_save(v, connection)) if isinstance(f, _PREPARED) else None
        for f in fields
    ]
    prepared = [
        [
            value if adapt is None else adapt(value)
            for adapt, value in zip(
                prep, [_value(f, row, given, defaults) for f in fields], strict=True
            )
        ]
        for row in rows
    ]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 - names from models # nosec B608
        cursor.executemany(sql, prepared)


# Fields whose Python values need the backend's conversion; the rest go in as they are.
_PREPARED = (models.UUIDField, models.DecimalField, models.DateField, models.TimeField)


def _value(
    field: "models.Field[Any, Any]",
    row: Sequence[Any],
    given: dict[str, int],
    defaults: dict[str, Any],
) -> Any:
    if field.name in given:
        return row[given[field.name]]
    if field.name == "hsds_id":
        return new_hsds_id()
    return defaults[field.name]
