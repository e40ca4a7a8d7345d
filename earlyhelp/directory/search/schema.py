"""The full-text index each backend keeps, created by migration 0003 and unseen by models.

SQLite: `directory_service_fts`, an FTS5 table over `directory_service(name, search_text)`
with external content (no second copy of the text), kept in step by three triggers; the
Porter stemmer and prefix indexes for prefixes of three to eight letters (the last word of a
search matches as a prefix, and without them FTS5 merges every matching term on the fly).
PostgreSQL: `search_vector`, a stored generated tsvector column (name weighted A, search
text weighted B, `english` configuration) with a GIN index, and a GIN index on the name's
own tsvector for the first tier of results (services named for the words).

Django remakes a SQLite table for some schema changes (altering or removing a column), which
drops its triggers. A later migration that does that to `directory_service` must run
`install(schema_editor)` again afterwards; tests/integration/directory checks that they
exist once every migration has run, so forgetting fails the suite.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection

FTS_TABLE = "directory_service_fts"
PG_COLUMN = "search_vector"

SQLITE_TRIGGERS: dict[str, str] = {
    "directory_service_fts_insert": """
        CREATE TRIGGER IF NOT EXISTS directory_service_fts_insert
        AFTER INSERT ON directory_service BEGIN
            INSERT INTO directory_service_fts(rowid, name, search_text)
            VALUES (new.id, new.name, new.search_text);
        END""",
    "directory_service_fts_delete": """
        CREATE TRIGGER IF NOT EXISTS directory_service_fts_delete
        AFTER DELETE ON directory_service BEGIN
            INSERT INTO directory_service_fts(directory_service_fts, rowid, name, search_text)
            VALUES ('delete', old.id, old.name, old.search_text);
        END""",
    "directory_service_fts_update": """
        CREATE TRIGGER IF NOT EXISTS directory_service_fts_update
        AFTER UPDATE OF name, search_text ON directory_service BEGIN
            INSERT INTO directory_service_fts(directory_service_fts, rowid, name, search_text)
            VALUES ('delete', old.id, old.name, old.search_text);
            INSERT INTO directory_service_fts(rowid, name, search_text)
            VALUES (new.id, new.name, new.search_text);
        END""",
}
SQLITE_CREATE = """
    CREATE VIRTUAL TABLE IF NOT EXISTS directory_service_fts USING fts5(
        name, search_text,
        content='directory_service', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2', prefix='3 4 5 6 7 8'
    )"""
SQLITE_REBUILD = "INSERT INTO directory_service_fts(directory_service_fts) VALUES ('rebuild')"
SQLITE_OPTIMIZE = "INSERT INTO directory_service_fts(directory_service_fts) VALUES ('optimize')"

PG_ADD_COLUMN = """
    ALTER TABLE directory_service ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(search_text, '')), 'B')
    ) STORED"""
# Ranking reads the vector of every candidate: keep it in the row, and let PostgreSQL compress
# or move the description and search text out of line first when a row is too long.
PG_KEEP_INLINE = "ALTER TABLE directory_service ALTER COLUMN search_vector SET STORAGE MAIN"
PG_INDEXES: dict[str, str] = {
    "directory_service_search_vector": (
        "CREATE INDEX directory_service_search_vector ON directory_service"
        " USING gin (search_vector)"
    ),
    # The first tier of ranked results: services whose name holds every word.
    "directory_service_name_vector": (
        "CREATE INDEX directory_service_name_vector ON directory_service"
        " USING gin (to_tsvector('english'::regconfig, name))"
    ),
}


def install(schema_editor: Any) -> None:
    """Create the index for the schema editor's database (idempotent on SQLite)."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
        for sql in SQLITE_TRIGGERS.values():
            schema_editor.execute(sql)
        schema_editor.execute(SQLITE_REBUILD)
    elif vendor == "postgresql":
        schema_editor.execute(PG_ADD_COLUMN)
        schema_editor.execute(PG_KEEP_INLINE)
        for sql in PG_INDEXES.values():
            schema_editor.execute(sql)


def uninstall(schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif vendor == "postgresql":
        for name in PG_INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        schema_editor.execute("ALTER TABLE directory_service DROP COLUMN IF EXISTS search_vector")


@contextmanager
def bulk_load() -> Iterator[None]:
    """PostgreSQL: build the GIN indexes once after a bulk load rather than row by row."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        _settle_constraints(cursor)
        for name in PG_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            _settle_constraints(cursor)
            for sql in PG_INDEXES.values():
                cursor.execute(sql)


def _settle_constraints(cursor: Any) -> None:
    """Check deferred foreign keys now: PostgreSQL will not change indexes while any wait."""
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def compact_index() -> None:
    """After a bulk load: merge SQLite's index segments; refresh the planner's statistics."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(SQLITE_OPTIMIZE)
        cursor.execute("ANALYZE")


def missing_index_objects() -> set[str]:
    """Names of the index's tables, triggers or columns that are not in the database."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
            expected = {FTS_TABLE, *SQLITE_TRIGGERS}
        else:
            cursor.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_name = 'directory_service'"
                " UNION SELECT indexname FROM pg_indexes WHERE tablename = 'directory_service'"
            )
            expected = {PG_COLUMN, *PG_INDEXES}
        return expected - {row[0] for row in cursor.fetchall()}
