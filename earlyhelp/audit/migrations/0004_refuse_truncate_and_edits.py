"""The database refuses to empty the audit table, and on SQLite to change or delete a row.

PostgreSQL: a statement trigger refuses TRUNCATE (0002 already refuses UPDATE and DELETE per
row). SQLite: triggers refuse UPDATE and DELETE. Django's flush between tests empties every
table, so the refusal is lifted only where settings.AUDIT_TRAIL_FLUSHABLE (the test suite)
marks the connection (earlyhelp/audit/apps.py): on PostgreSQL with the session setting
`earlyhelp.audit_flushable`, on SQLite with the function `earlyhelp_audit_flushable()`, which
no other program defines, so the sqlite3 shell's DELETE fails too.

These guards stop a mistake or a careless script; someone who owns the tables can drop a
trigger. What catches them is the keyed chain and its anchors (docs/security.md).
Note for later migrations: SQLite's table rebuilds (some ALTERs) drop triggers; re-create
them after any migration that rebuilds audit_auditevent (tests/integration/audit checks).
"""

from django.db import migrations

POSTGRES_FORWARDS = """
CREATE OR REPLACE FUNCTION audit_event_no_truncate() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('earlyhelp.audit_flushable', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'audit events are append-only (TRUNCATE refused)';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_no_truncate();
"""
POSTGRES_BACKWARDS = """
DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_event_no_truncate();
"""
SQLITE_FORWARDS = [
    """CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_auditevent
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only (UPDATE refused)'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_auditevent
    WHEN NOT earlyhelp_audit_flushable()
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only (DELETE refused)'); END""",
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER IF EXISTS audit_event_no_update",
    "DROP TRIGGER IF EXISTS audit_event_no_delete",
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARDS)
    elif vendor == "sqlite":
        for statement in SQLITE_FORWARDS:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARDS)
    elif vendor == "sqlite":
        for statement in SQLITE_BACKWARDS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_keyed_chain_version")]
    operations = [migrations.RunPython(forwards, backwards)]
