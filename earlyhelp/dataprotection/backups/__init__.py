"""`earlyhelp backup` and `earlyhelp restore`: one file holding the database and a manifest.

A backup is a gzipped tar archive with two members: `manifest.json` (format version, engine,
when, row counts per table, the audit chain's head, the database member's SHA-256) and the
database itself (`database.sqlite3`, a copy made with SQLite's online backup API, or
`database.pgdump`, pg_dump's custom format). Counts and the copy come from one consistent
view of the database: the copy itself on SQLite, an exported snapshot on PostgreSQL.
Restoring checks the manifest, replaces the database's content, then verifies the row counts
and the audit chain against the manifest (docs/security.md, "Backup and restore").
"""

from earlyhelp.dataprotection.backups.archive import (
    BackupError,
    Manifest,
    RestoreReport,
    read_manifest,
)
from earlyhelp.dataprotection.backups.run import make_backup, restore_backup

__all__ = [
    "BackupError",
    "Manifest",
    "RestoreReport",
    "make_backup",
    "read_manifest",
    "restore_backup",
]
