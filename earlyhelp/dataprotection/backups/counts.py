"""Row counts and the audit chain's head, read through any DB-API cursor of either engine."""

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from django.utils.dateparse import parse_datetime

from earlyhelp.audit.models import AuditEvent

AUDIT_TABLE = "audit_auditevent"
TABLES_SQL = {
    "sqlite": (
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ),
    "postgresql": (
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    ),
}


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def row_counts(cursor: Any, engine: str) -> dict[str, int]:
    cursor.execute(TABLES_SQL[engine])
    tables = [row[0] for row in cursor.fetchall()]
    counts = {}
    for table in tables:
        # The name comes from the database's own catalogue, quoted.
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 # nosec B608
        counts[table] = int(cursor.fetchone()[0])
    return counts


def audit_head(cursor: Any) -> str:
    """The newest audit event's hash ("" for an empty trail)."""
    cursor.execute("SELECT hash FROM audit_auditevent ORDER BY id DESC LIMIT 1")
    row = cursor.fetchone()
    return str(row[0]) if row else ""


EVENT_FIELDS = (
    "id",
    "created_at",
    "actor_id",
    "actor_name",
    "action",
    "object_type",
    "object_id",
    "object_name",
    "school_id",
    "details",
    "previous_hash",
    "hash",
    "chain_version",
)


def audit_events(cursor: Any, batch_size: int = 2000) -> Iterator[AuditEvent]:
    """The audit events read through a plain cursor, in id order, as unsaved model objects
    (so a database that is not Django's, such as a restore's scratch copy, can be checked)."""
    # Fixed column and table names.
    cursor.execute(f"SELECT {', '.join(EVENT_FIELDS)} FROM audit_auditevent ORDER BY id")  # noqa: S608 # nosec B608
    while rows := cursor.fetchmany(batch_size):
        for row in rows:
            values = dict(zip(EVENT_FIELDS, row, strict=True))
            values["created_at"] = _aware(values["created_at"])
            if isinstance(values["details"], str | bytes):
                values["details"] = json.loads(values["details"])
            yield AuditEvent(**values)


def _aware(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else parse_datetime(str(value))
    if moment is None:
        raise ValueError(f"unreadable audit timestamp {value!r}")
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
