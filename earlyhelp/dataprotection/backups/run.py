"""Making a backup and restoring one, for whichever engine Django is connected to."""

import tempfile
from pathlib import Path
from types import ModuleType

from django.db import connection, transaction
from django.utils import timezone

from earlyhelp.audit.events import record_event
from earlyhelp.audit.verify import verify_chain
from earlyhelp.dataprotection.backups import postgres, sqlite
from earlyhelp.dataprotection.backups.archive import (
    FORMAT_VERSION,
    BackupError,
    Manifest,
    RestoreReport,
    extract_database,
    read_manifest,
    write_archive,
)
from earlyhelp.dataprotection.backups.counts import audit_head, row_counts

BACKED_UP = "database.backed_up"
RESTORED = "database.restored"


def engine() -> str:
    if connection.vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def make_backup(path: Path) -> Manifest:
    """Write a backup of the whole database to `path` (a new file) and return its manifest."""
    if path.exists():
        raise BackupError(f"{path} already exists: give a new file name.")
    if not path.parent.is_dir():
        raise BackupError(f"{path.parent} is not a folder.")
    name = engine()
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".earlyhelp-backup-") as work:
        database = Path(work) / "database"
        counts, head = _engine(name).dump(database)
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            engine=name,
            created_at=timezone.now().isoformat(),
            row_counts=counts,
            audit_events=counts.get("audit_auditevent", 0),
            audit_head=head,
        )
        write_archive(path, manifest, database)
    # Recorded after the copy, so the backup's own trail ends where its manifest says.
    with transaction.atomic():
        record_event(
            by=None,
            action=BACKED_UP,
            details={"engine": name, "tables": len(counts), "audit_head": head},
        )
    return manifest


def check_backup(path: Path) -> Manifest:
    """The backup's manifest, if it can be restored into this database."""
    manifest = read_manifest(path)
    if manifest.engine != engine():
        raise BackupError(
            f"{path} is a {manifest.engine} backup; this database is {engine()}. "
            "Restore it into a database of the same engine."
        )
    return manifest


def restore_backup(path: Path) -> RestoreReport:
    """Replace the database's content with the backup's, then verify counts and the chain."""
    manifest = check_backup(path)
    with tempfile.TemporaryDirectory(prefix="earlyhelp-restore-") as work:
        database = Path(work) / "database"
        extract_database(path, manifest, database)
        _engine(manifest.engine).load(database)
    report = verify_restore(manifest)
    if report.ok:
        with transaction.atomic():
            record_event(
                by=None,
                action=RESTORED,
                details={"created_at": manifest.created_at, "audit_head": manifest.audit_head},
            )
    return report


def verify_restore(manifest: Manifest) -> RestoreReport:
    with connection.cursor() as cursor:
        counts, head = row_counts(cursor, manifest.engine), audit_head(cursor)
    checked, broken = verify_chain()
    return RestoreReport(
        manifest=manifest,
        row_counts=counts,
        audit_checked=checked,
        audit_break=f"event {broken.event_id}: {broken.reason}" if broken else None,
        audit_head=head,
    )


def _engine(name: str) -> ModuleType:
    return sqlite if name == "sqlite" else postgres
