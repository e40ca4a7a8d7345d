"""Making a backup and restoring one, for whichever engine Django is connected to.

A restore never replaces the live database with something unverified: the backup is first
loaded into a scratch database (SQLite: the extracted file itself; PostgreSQL: a new
database on the same server), its row counts, audit chain and signed anchor are checked
there, and only then is the live database saved to a new backup archive ("previous") and
replaced in one step (SQLite's backup API, which copies every page in one write
transaction; pg_restore --single-transaction). A backup that fails verification, or an
archive that is damaged or cut short, changes nothing.
"""

import tempfile
from dataclasses import asdict, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from earlyhelp.audit.anchors import (
    Anchor,
    AnchorError,
    anchor_for,
    current_anchor,
    parse_anchor,
    write_anchor,
)
from earlyhelp.audit.events import record_event
from earlyhelp.audit.models import AuditEvent
from earlyhelp.audit.names import AuditAction
from earlyhelp.audit.verify import verify_events
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
from earlyhelp.dataprotection.backups.counts import audit_events, audit_head, row_counts

BACKED_UP = AuditAction.DATABASE_BACKED_UP
RESTORED = AuditAction.DATABASE_RESTORED


def engine() -> str:
    if connection.vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def make_backup(path: Path) -> Manifest:
    """Write a backup of the whole database to `path` (a new file) and return its manifest.
    Its signed anchor of the audit chain goes into the manifest and to anchor storage."""
    if path.exists():
        raise BackupError(f"{path} already exists: give a new file name.")
    if not path.parent.is_dir():
        raise BackupError(f"{path.parent} is not a folder.")
    name = engine()
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".earlyhelp-backup-") as work:
        database = Path(work) / "database"
        counts, head = _engine(name).dump(database)
        anchor = _anchor_of(counts, head)
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            engine=name,
            created_at=timezone.now().isoformat(),
            row_counts=counts,
            audit_events=counts.get("audit_auditevent", 0),
            audit_head=head,
            audit_anchor=asdict(anchor),
        )
        write_archive(path, manifest, database)
    write_anchor(anchor)
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
    manifest_anchor(manifest)
    return manifest


def manifest_anchor(manifest: Manifest) -> Anchor | None:
    if not manifest.audit_anchor:
        return None
    try:
        return parse_anchor(manifest.audit_anchor, "The backup's audit anchor")
    except AnchorError as error:
        raise BackupError(str(error)) from error


def previous_path(path: Path) -> Path:
    """Where the live database is kept before a restore replaces it, by default."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%S")
    return path.resolve().parent / f"earlyhelp-before-restore-{stamp}.tar.gz"


def restore_backup(path: Path, *, previous: Path | None = None) -> RestoreReport:
    """Verify the backup in a scratch database; only if it passes, save the live database
    to `previous` (a new backup archive) and replace it with the backup's content."""
    manifest = check_backup(path)
    previous = previous or previous_path(path)
    if previous.exists():
        raise BackupError(f"{previous} already exists: give a new file name for --previous.")
    tool = _engine(manifest.engine)
    with tempfile.TemporaryDirectory(prefix="earlyhelp-restore-") as work:
        database = Path(work) / "database"
        extract_database(path, manifest, database)
        with tool.scratch(database) as scratch:
            trial = verify_restore(manifest, scratch.cursor())
        if not trial.ok:
            return trial
        make_backup(previous)
        tool.load(database)
    with connection.cursor() as cursor:
        report = replace(verify_restore(manifest, cursor), replaced=True, previous=previous)
    if report.ok:
        with transaction.atomic():
            record_event(
                by=None,
                action=RESTORED,
                details={"created_at": manifest.created_at, "audit_head": manifest.audit_head},
            )
        write_anchor(current_anchor())
    return report


def verify_restore(manifest: Manifest, cursor: Any) -> RestoreReport:
    """Check a database, through a plain cursor, against the backup's manifest."""
    counts, head = row_counts(cursor, manifest.engine), audit_head(cursor)
    checked, broken = verify_events(audit_events(cursor), anchor=manifest_anchor(manifest))
    return RestoreReport(
        manifest=manifest,
        row_counts=counts,
        audit_checked=checked,
        audit_break=f"event {broken.event_id}: {broken.reason}" if broken else None,
        audit_head=head,
    )


def _anchor_of(counts: dict[str, int], head: str) -> Anchor:
    last_id = AuditEvent.objects.filter(hash=head).values_list("id", flat=True).first()
    return anchor_for(events=counts.get("audit_auditevent", 0), last_id=last_id or 0, head=head)


def _engine(name: str) -> ModuleType:
    return sqlite if name == "sqlite" else postgres
