"""`earlyhelp eval-import DIR`: score the importer against gold extractions."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from earlyhelp.imports.evaluation.runner import GOLD_DATE, evaluate, table
from earlyhelp.imports.readers import UnreadableDocument
from earlyhelp.lib.cliargs import iso_date


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # reads files only; no models, URLs or templates
    help = (
        "Run the importer on every document in DIR that has a gold file DIR/gold/<name>.json "
        "and print precision, recall and F1 per field, per document and overall. "
        "Also runs as `earlyhelp eval-import`."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("folder", type=Path, help="folder of documents with a gold/ folder")
        parser.add_argument(
            "--today",
            type=iso_date,
            default=GOLD_DATE,
            help=f"judge review dates as of this day (default {GOLD_DATE.isoformat()}, "
            "the day the gold files were judged)",
        )
        parser.add_argument(
            "--verbose", action="store_true", help="also list every miss and false positive"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["folder"]
        if not (folder / "gold").is_dir():
            raise CommandError(
                f"{folder} has no gold/ folder of expected extractions.", returncode=2
            )
        try:
            results = evaluate(folder, today=options["today"])
        except UnreadableDocument as error:
            raise CommandError(str(error), returncode=2) from error
        if not results:
            raise CommandError(f"No document in {folder} has a gold file.", returncode=2)
        self.stdout.write(table(results, verbose=options["verbose"]), ending="")
