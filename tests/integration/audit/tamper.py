"""What someone with write access to the database might do to the audit trail: lift the
table's guards (PostgreSQL's triggers, SQLite's triggers), run their SQL, put them back."""

from typing import Any

from django.db import connection

SQLITE_TRIGGERS = ("audit_event_no_update", "audit_event_no_delete")


def raw_tamper(sql: str, params: list[Any] | None = None) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
            cursor.execute(sql, params)
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")
            return
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name = 'audit_auditevent'"
        )
        triggers = cursor.fetchall()
        for name, _ in triggers:
            cursor.execute(f'DROP TRIGGER "{name}"')
        cursor.execute(sql, params)
        for _, definition in triggers:
            cursor.execute(definition)
