"""`earlyhelp import-pupils PATH --school SLUG`: import a school's roll from an MIS export."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from earlyhelp.lib.csvfile import ENCODINGS, CsvError, read_csv
from earlyhelp.pupils.actions import import_roll
from earlyhelp.pupils.roll import FORMATS, RollFileError, read_roll
from earlyhelp.schools.models import School


class Command(BaseCommand):
    help = (
        "Import a school's roll from a CSV export of its MIS (SIMS, Arbor, Bromcom or the "
        "earlyhelp format; docs/pupil-import.md). All or nothing: a bad row names its line "
        "and column and nothing is imported. Pupils missing from the file are listed, never "
        "deleted."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The CSV file.")
        parser.add_argument("--school", required=True, help="The school's slug.")
        parser.add_argument(
            "--format", default="auto", choices=["auto", *FORMATS], help="Default: auto."
        )
        parser.add_argument(
            "--encoding",
            default="auto",
            choices=["auto", *ENCODINGS],
            help="The file's text encoding. Default: auto (UTF-8, Windows-1252 or -1250).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        school = School.objects.filter(slug=options["school"]).first()
        if school is None:
            raise CommandError(f"No school with the slug {options['school']!r}.")
        try:
            table = read_csv(options["path"].read_bytes(), encoding=options["encoding"])
            rows = read_roll(table, fmt=options["format"])
        except OSError as error:
            raise CommandError(f"Cannot read {options['path']}: {error.strerror}") from error
        except CsvError as error:
            raise CommandError(str(error)) from error
        except RollFileError as error:
            raise CommandError("Nothing was imported.\n" + "\n".join(error.messages)) from error
        result = import_roll(school=school, rows=rows, by=None)
        self.stdout.write(f"{school.name}: {result.summary()}.")
        if result.missing:
            self.stdout.write(
                f"{len(result.missing)} pupils on the roll are not in this file (kept as they are):"
            )
            for pupil in result.missing:
                self.stdout.write(f"  {pupil.upn}  {pupil.display_name}")
