"""`earlyhelp eval-search [FILE]`: success@5, mean reciprocal rank and no-result share."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from earlyhelp.directory.search.evaluation import (
    DEFAULT_FILE,
    EvaluationError,
    evaluate,
    format_report,
    read_cases,
)


class Command(BaseCommand):
    help = (
        "Run the search evaluation set (default bench/search_eval.toml) against this "
        "database's directory and print success@5, mean reciprocal rank and the share of "
        "searches with no result. With --load-demo, first load the demo and the sample "
        "postcodes if they are not there (not in production). `python -m bench.search_eval` "
        "does it all in a throwaway database. Also runs as `earlyhelp eval-search`."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
        parser.add_argument("--load-demo", action="store_true")
        parser.add_argument("--verbose", action="store_true", help="list every miss")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["load_demo"]:
            self._load_demo()
        try:
            report = evaluate(read_cases(options["file"]))
        except EvaluationError as error:
            raise CommandError(str(error), returncode=2) from error
        self.stdout.write(format_report(report, verbose=options["verbose"]), ending="")

    def _load_demo(self) -> None:
        if settings.PRODUCTION:
            raise CommandError("--load-demo refuses to run in production.")
        from earlyhelp.directory.models import Postcode
        from earlyhelp.directory.postcodes import SAMPLE_FILE, load_postcode_file

        call_command("load_demo", stdout=_Silent())
        if not Postcode.objects.exists():
            load_postcode_file(SAMPLE_FILE, by=None)


class _Silent:
    def write(self, text: str) -> None:
        pass

    def flush(self) -> None:
        pass
