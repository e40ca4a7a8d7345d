"""`earlyhelp load-postcodes PATH`: load postcode centroids from an ONS Postcode Directory CSV."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from earlyhelp.directory.postcodes import PostcodeFileError, load_postcode_file


class Command(BaseCommand):
    help = (
        "Load postcode centroids (columns pcds, lat, long; terminated postcodes skipped) from "
        "an ONS Postcode Directory CSV, for searches by postcode. Loading again updates. "
        "All or nothing. Also runs as `earlyhelp load-postcodes`."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path, help="the CSV file")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        try:
            loaded = load_postcode_file(path, by=None, progress=self._progress)
        except PostcodeFileError as error:
            raise CommandError(f"{error} Nothing was loaded.", returncode=2) from error
        self.stdout.write(f"Loaded {loaded:,} postcodes from {path.name}.\n")

    def _progress(self, loaded: int) -> None:
        self.stdout.write(f"  {loaded:,} postcodes…\n")
        self.stdout.flush()
