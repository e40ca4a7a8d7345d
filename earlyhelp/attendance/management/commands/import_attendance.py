"""`earlyhelp import-attendance PATH --school SLUG [--by USERNAME]`: import a register file."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from earlyhelp.accounts.models import User
from earlyhelp.attendance.actions import import_marks
from earlyhelp.attendance.register import RegisterFileError, read_register
from earlyhelp.lib.csvfile import CsvError, read_csv
from earlyhelp.pupils.models import Pupil
from earlyhelp.schools.models import School

MAX_BYTES = 512 * 1024 * 1024


class Command(BaseCommand):
    help = (
        "Import a school's attendance register (CSV: upn,date,session,code; "
        "shared/attendance-contract.md). All or nothing: every bad line is named and nothing "
        "is imported. A different code for a held session is an amendment, kept with the "
        "original code, when and by whom (the system, or --by USERNAME)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The CSV file.")
        parser.add_argument("--school", required=True, help="The school's slug.")
        parser.add_argument("--by", help="The username recorded for amendments (default: system).")

    def handle(self, *args: Any, **options: Any) -> None:
        school = School.objects.filter(slug=options["school"]).first()
        if school is None:
            raise CommandError(f"No school with the slug {options['school']!r}.")
        by = self._actor(options["by"])
        roll = set(Pupil.objects.filter(school=school).values_list("upn", flat=True))
        try:
            table = read_csv(options["path"].read_bytes(), max_bytes=MAX_BYTES)
            marks = read_register(table, roll=roll)
            result = import_marks(school=school, marks=marks, by=by)
        except OSError as error:
            raise CommandError(f"Cannot read {options['path']}: {error.strerror}") from error
        except CsvError as error:
            raise CommandError(f"Nothing was imported. {error}") from error
        except RegisterFileError as error:
            raise CommandError(
                f"Nothing was imported: {len(error.messages)} bad lines.\n"
                + "\n".join(error.messages)
            ) from error
        self.stdout.write(f"{school.name}: {result.summary()}.")

    def _actor(self, username: str | None) -> User | None:
        if username is None:
            return None
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user with the username {username!r}.")
        return user
