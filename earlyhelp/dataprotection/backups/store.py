"""A copy of a backup file in the default storage (S3 when configured), under backups/."""

from pathlib import Path

from django.core.files import File
from django.core.files.storage import storages

PREFIX = "backups"


def store_backup(path: Path) -> str:
    """Copy the file at `path` into the default storage; return its name there (a new name
    if one of that name is already stored: a copy is never overwritten)."""
    with path.open("rb") as stream:
        return storages["default"].save(f"{PREFIX}/{path.name}", File(stream, name=path.name))
