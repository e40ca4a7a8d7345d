"""`earlyhelp restore PATH`: replace the database with a backup, then verify it."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from earlyhelp.dataprotection.backups import BackupError, RestoreReport, restore_backup
from earlyhelp.dataprotection.backups.run import check_backup


class Command(BaseCommand):
    help = (
        "Replace everything in the database with the backup at PATH (made by earlyhelp "
        "backup on the same engine), then check every table's row count against the "
        "backup's manifest and verify the audit chain. Stop the site first. In production "
        "it asks for --yes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="A file made by earlyhelp backup.")
        parser.add_argument(
            "--yes", action="store_true", help="Confirm replacing a production database."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["path"]
        try:
            manifest = check_backup(path)
            if settings.PRODUCTION and not options["yes"]:
                raise CommandError(
                    f"This replaces the production database with the backup made "
                    f"{manifest.created_at}. Stop the site, then run again with --yes."
                )
            report = restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self._print(report)

    def _print(self, report: RestoreReport) -> None:
        manifest = report.manifest
        self.stdout.write(f"Restored the {manifest.engine} backup made {manifest.created_at}.")
        differences = report.count_differences
        for table, (expected, found) in differences.items():
            self.stdout.write(f"  {table}: {expected} rows in the backup, {found} now")
        if not differences:
            self.stdout.write(
                f"Row counts match the manifest in all {len(report.row_counts)} tables."
            )
        if report.audit_break:
            self.stdout.write(f"Audit trail broken at {report.audit_break}.")
        else:
            self.stdout.write(f"Audit trail intact: {report.audit_checked} events checked.")
        if report.audit_head != manifest.audit_head:
            self.stdout.write("The audit trail's last event is not the one the manifest names.")
        if not report.ok:
            raise CommandError("The restored database does not match its backup (see above).")
        self.stdout.write(self.style.SUCCESS("Restore verified."))
