"""`earlyhelp backup PATH`: the whole database and a manifest in one file."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from earlyhelp.dataprotection.backups import BackupError, make_backup
from earlyhelp.dataprotection.backups.store import store_backup


class Command(BaseCommand):
    help = (
        "Back up the whole database to PATH (a new .tar.gz file, readable by its owner only): "
        "SQLite through its online backup API, PostgreSQL through pg_dump -Fc (on PATH), "
        "both consistent while the site is in use, with a manifest of row counts and the "
        "audit chain's head. Encryption keys are not in the backup: keep them apart."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The backup file to write (must not exist).")
        parser.add_argument(
            "--store",
            action="store_true",
            help="Also copy it into the default storage under backups/ (the S3 bucket when "
            "one is set; docs/deployment.md).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = make_backup(options["path"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest.row_counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {manifest.engine}: {len(manifest.row_counts)} tables, {rows} rows, "
                f"{manifest.audit_events} audit events, to {options['path']}."
            )
        )
        if options["store"]:
            stored = store_backup(options["path"])
            self.stdout.write(self.style.SUCCESS(f"Stored a copy as {stored}."))
