"""`earlyhelp attendance-report --school SLUG --from DATE --to DATE [--json]`."""

import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from earlyhelp.attendance.engine import measure_school
from earlyhelp.attendance.report import as_json, as_text
from earlyhelp.schools.models import School


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"{text!r} is not a date in the form YYYY-MM-DD.") from error


class Command(BaseCommand):
    help = (
        "A school's attendance measures over marks dated --from to --to (both included): "
        "per pupil, children missing education, the penalty notice threshold and the "
        "first-day calls for the --to date. --json prints shared/attendance-contract.md's object."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--school", required=True, help="The school's slug.")
        parser.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
        parser.add_argument("--json", action="store_true", help="Print the contract's JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        school = School.objects.filter(slug=options["school"]).first()
        if school is None:
            raise CommandError(f"No school with the slug {options['school']!r}.")
        start, end = _iso_date(options["start"]), _iso_date(options["end"])
        if end < start:
            raise CommandError("--to must be on or after --from.")
        measures = measure_school(school.pk, start, end)
        if options["json"]:
            report = as_json(slug=school.slug, start=start, end=end, measures=measures)
            self.stdout.write(json.dumps(report, indent=2))
            return
        for line in as_text(name=school.name, start=start, end=end, measures=measures):
            self.stdout.write(line)
