"""SQLite: copy with the online backup API, which is consistent while others write."""

import sqlite3
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


def load(source: Path) -> None:
    """Replace the live database's pages with the copy's (SQLite's backup API, reversed)."""
    if connection.in_atomic_block:
        raise RuntimeError("restore cannot run inside a transaction")
    connection.ensure_connection()
    copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        copy.backup(connection.connection)
    finally:
        copy.close()
