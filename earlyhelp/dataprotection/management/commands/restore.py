"""`earlyhelp restore PATH`: verify a backup in a scratch database, keep the live database
in a new backup file, then replace it (earlyhelp/dataprotection/backups/run.py)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from earlyhelp.dataprotection.backups import BackupError, RestoreReport, restore_backup
from earlyhelp.dataprotection.backups.run import check_backup


class Command(BaseCommand):
    help = (
        "Replace everything in the database with the backup at PATH (made by earlyhelp "
        "backup on the same engine). The backup is first loaded into a scratch database and "
        "checked there (every table's row count against the manifest, the audit chain and "
        "its signed anchor); only if it passes is the live database saved to --previous and "
        "replaced. Stop the site first. In production it asks for --yes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="A file made by earlyhelp backup.")
        parser.add_argument(
            "--yes", action="store_true", help="Confirm replacing a production database."
        )
        parser.add_argument(
            "--previous",
            type=Path,
            help=(
                "Where to keep the live database before it is replaced, as a backup file "
                "(default: earlyhelp-before-restore-<time>.tar.gz next to PATH)."
            ),
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
            report = restore_backup(path, previous=options["previous"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self._print(report)

    def _print(self, report: RestoreReport) -> None:
        manifest = report.manifest
        if report.replaced:
            self.stdout.write(f"Restored the {manifest.engine} backup made {manifest.created_at}.")
            self.stdout.write(f"The database as it was before is kept in {report.previous}.")
        else:
            self.stdout.write(
                f"Checked the {manifest.engine} backup made {manifest.created_at} in a scratch "
                "database."
            )
        differences = report.count_differences
        for table, (expected, found) in differences.items():
            where = "restored" if report.replaced else "backup's"
            self.stdout.write(
                f"  {table}: {expected} rows in the manifest, {found} in the {where} database"
            )
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
        if not report.ok and not report.replaced:
            raise CommandError(
                "The backup does not match its manifest (see above); nothing was restored and "
                "the live database is unchanged."
            )
        if not report.ok:
            raise CommandError(
                f"The restored database does not match its backup (see above); the database "
                f"as it was before is in {report.previous}."
            )
        self.stdout.write(self.style.SUCCESS("Restore verified."))
