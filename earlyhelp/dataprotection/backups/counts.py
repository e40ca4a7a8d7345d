"""Row counts and the audit chain's head, read through any DB-API cursor of either engine."""

from typing import Any

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
