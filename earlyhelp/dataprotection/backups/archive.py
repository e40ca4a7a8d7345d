"""The backup file: a manifest and one database member, in a gzipped tar archive."""

import hashlib
import io
import json
import os
import shutil
import tarfile
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


# What a damaged or cut-short .tar.gz raises while it is read.
DAMAGED = (tarfile.TarError, EOFError, zlib.error, OSError)


class BackupError(Exception):
    """A backup or restore cannot go ahead; the message says why, for the operator."""


@dataclass(frozen=True)
class Manifest:
    format_version: int
    engine: str
    created_at: str
    row_counts: dict[str, int]
    audit_events: int
    audit_head: str
    sha256: str = ""
    tool: dict[str, str] = field(default_factory=dict)
    # A signed anchor of the audit chain's head (earlyhelp/audit/anchors.py); empty in
    # backups made before issue 10.
    audit_anchor: dict[str, Any] = field(default_factory=dict)

    @property
    def member(self) -> str:
        return MEMBERS[self.engine]


@dataclass(frozen=True)
class RestoreReport:
    manifest: Manifest
    row_counts: dict[str, int]
    audit_checked: int
    audit_break: str | None
    audit_head: str
    # Whether the live database was replaced, and where its content before the restore is.
    replaced: bool = False
    previous: Path | None = None

    @property
    def count_differences(self) -> dict[str, tuple[int | None, int | None]]:
        expected, found = self.manifest.row_counts, self.row_counts
        return {
            table: (expected.get(table), found.get(table))
            for table in sorted(expected.keys() | found.keys())
            if expected.get(table) != found.get(table)
        }

    @property
    def ok(self) -> bool:
        return (
            not self.count_differences
            and self.audit_break is None
            and self.audit_head == self.manifest.audit_head
        )


def write_archive(path: Path, manifest: Manifest, database: Path) -> None:
    """Write the archive readable by its owner only; never overwrite an existing file."""
    manifest = Manifest(**{**asdict(manifest), "sha256": file_sha256(database)})
    payload = json.dumps(asdict(manifest), indent=2, sort_keys=True).encode()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, tarfile.open(fileobj=out, mode="w:gz") as archive:
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mode = len(payload), 0o600
        archive.addfile(info, io.BytesIO(payload))
        archive.add(database, arcname=manifest.member, recursive=False)


def read_manifest(path: Path) -> Manifest:
    try:
        with _open(path) as archive:
            return _manifest(archive)
    except DAMAGED as error:
        raise BackupError(f"{path} is damaged or cut short: {_reason(error)}.") from error


def _reason(error: BaseException) -> str:
    return str(error).rstrip(".") or type(error).__name__


def extract_database(path: Path, manifest: Manifest, target: Path) -> None:
    """Copy the database member out (by name: nothing else in the archive is written)."""
    try:
        with _open(path) as archive:
            member = archive.extractfile(manifest.member)
            if member is None:
                raise BackupError(f"{path} holds no {manifest.member}: it is not a whole backup.")
            with member, target.open("wb") as out:
                shutil.copyfileobj(member, out)
    except KeyError as error:
        raise BackupError(
            f"{path} holds no {manifest.member}: it is not a whole backup."
        ) from error
    except DAMAGED as error:
        raise BackupError(f"{path} is damaged or cut short: {_reason(error)}.") from error
    if file_sha256(target) != manifest.sha256:
        raise BackupError(f"{path} is damaged: its database does not match its manifest.")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _open(path: Path) -> tarfile.TarFile:
    if not path.is_file():
        raise BackupError(f"{path} does not exist or is not a file.")
    try:
        return tarfile.open(path, mode="r:gz")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{path} is not an earlyhelp backup (not a .tar.gz archive).") from error


def _manifest(archive: tarfile.TarFile) -> Manifest:
    try:
        stream = archive.extractfile(MANIFEST)
        raw: dict[str, Any] = json.loads(stream.read() if stream else b"")
    except (KeyError, ValueError) as error:
        raise BackupError(
            "The archive has no readable manifest.json: not an earlyhelp backup."
        ) from error
    if raw.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"The backup's format version is {raw.get('format_version')!r}; this earlyhelp "
            f"reads version {FORMAT_VERSION}."
        )
    if raw.get("engine") not in MEMBERS:
        raise BackupError(f"The backup names an unknown database engine: {raw.get('engine')!r}.")
    try:
        return Manifest(**raw)
    except TypeError as error:
        raise BackupError("The backup's manifest.json is incomplete.") from error
