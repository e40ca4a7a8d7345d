"""`earlyhelp import-offer PATH --json`: read an Offer document and print what it says."""

import json
from argparse import ArgumentParser, ArgumentTypeError
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from earlyhelp.imports.pipeline import import_offer
from earlyhelp.imports.readers import TIME_LIMIT_SECONDS, UnreadableDocument
from earlyhelp.imports.result import ImportResult


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise ArgumentTypeError(f"enter a date like 2026-11-24, not {value!r}") from error


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # reads files only; no models, URLs or templates
    help = (
        "Read an Early Help Offer document (.txt, .md, .html, .docx or .pdf) and print the "
        "people, services, review date and findings it contains. Nothing is saved. "
        "Also runs as `earlyhelp import-offer`."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path, help="the Offer document to read")
        parser.add_argument(
            "--json", action="store_true", help="print the import-contract JSON object only"
        )
        parser.add_argument(
            "--today",
            type=iso_date,
            default=None,
            help="judge review dates as of this day (YYYY-MM-DD); default: today",
        )
        parser.add_argument(
            "--time-limit",
            type=float,
            default=TIME_LIMIT_SECONDS,
            help=f"seconds allowed to convert the document (default {TIME_LIMIT_SECONDS:g})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = import_offer(
                options["path"], today=options["today"], time_limit=options["time_limit"]
            )
        except UnreadableDocument as error:
            raise CommandError(str(error), returncode=2) from error
        if options["json"]:
            self.stdout.write(json.dumps(result.to_contract(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary(result))


def summary(result: ImportResult) -> str:
    school = result.school
    lines = [
        f"School: {school.name or 'not found'} ({school.local_authority or 'area not found'})",
        f"Reviewed on: {result.reviewed_on.isoformat() if result.reviewed_on else 'not stated'}",
        f"People: {len(result.people)}",
        *(f"  {person.role}: {person.name}" for person in result.people),
        f"Services: {len(result.services)}",
        f"Findings: {len(result.findings)}",
        *(f"  {f.severity} {f.code}: {f.message}" for f in result.findings),
    ]
    return "\n".join(lines)
