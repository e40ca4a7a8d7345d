"""`earlyhelp rotate-field-keys`: re-encrypt narrative text under the newest key."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from earlyhelp.dataprotection.rotation import (
    Column,
    MissingTableError,
    UnreadableValueError,
    rotate_field_keys,
)
from earlyhelp.lib.encryption_keys import new_key


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted column under the first key of FIELD_ENCRYPTION_KEYS, in "
        "batches (one transaction each; safe to stop and run again). To rotate: make a key "
        "with --new-key, put it first (FIELD_ENCRYPTION_KEYS=new,old), restart the app, run "
        "this command, then remove the old key. Refuses to run with a single key unless "
        "--force, since the likely mistake then is a replaced rather than a prepended key."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--new-key", action="store_true", help="Print a fresh key and exit (changes nothing)."
        )
        parser.add_argument("--batch-size", type=int, default=500, help="Rows per transaction.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run with a single key (only encrypts values found in clear; checks the rest).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["new_key"]:
            self.stdout.write(new_key())
            return
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be 1 or more.")
        if len(settings.FIELD_ENCRYPTION_KEYS) < 2 and not options["force"]:
            raise CommandError(
                "FIELD_ENCRYPTION_KEYS holds one key, so there is nothing to rotate from. "
                "Put the new key first and keep the old one after it "
                "(FIELD_ENCRYPTION_KEYS=new,old), or give --force to re-check with one key."
            )
        try:
            result = rotate_field_keys(batch_size=options["batch_size"], on_progress=self._progress)
        except (MissingTableError, UnreadableValueError) as error:
            raise CommandError(str(error)) from error
        for label, counts in result.columns.items():
            self.stdout.write(
                f"{label}: {counts.rewritten} re-encrypted, {counts.current} already under the "
                f"first key, {counts.were_clear} found in clear and encrypted."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Rotation done: {result.rewritten} values rewritten, {result.current} already "
                "current. The old key can be removed once every server runs with the new one."
            )
        )

    def _progress(self, column: Column, done: int) -> None:
        self.stderr.write(f"{column.label}: {done} rows checked")
