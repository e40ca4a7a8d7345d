"""SQLite: copy with the online backup API, which is consistent while others write."""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

from earlyhelp.dataprotection.backups.counts import audit_head, row_counts


def dump(target: Path) -> tuple[dict[str, int], str]:
    """Copy the live database to `target`; return its row counts and audit head."""
    connection.ensure_connection()
    live = connection.connection
    copy = sqlite3.connect(target)
    try:
        live.backup(copy)  # all pages in one step, under one read transaction
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        cursor = copy.cursor()
        return row_counts(cursor, "sqlite"), audit_head(cursor)
    finally:
        copy.close()


@contextmanager
def scratch(source: Path) -> Iterator[sqlite3.Connection]:
    """The extracted copy is itself a database: verify it where it is, read-only."""
    copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        yield copy
    finally:
        copy.close()


def load(source: Path) -> None:
    """Replace the live database's pages with the copy's (SQLite's backup API, reversed).
    All pages are copied in one step inside one write transaction on the live database:
    other connections see the old database or the new one, never a mixture, and a failure
    leaves the old one. (Renaming a file over the live one would be unsafe in WAL mode,
    where the old write-ahead log would be applied to the new file.)"""
    if connection.in_atomic_block:
        raise RuntimeError("restore cannot run inside a transaction")
    connection.ensure_connection()
    copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        copy.backup(connection.connection)
    finally:
        copy.close()
