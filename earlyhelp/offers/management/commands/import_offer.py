"""`earlyhelp import-offer PATH --json`: read an Offer document and print what it says.

With `--save --school SLUG` the result is also stored as a draft of that school's Offer,
waiting for review in the editor (`offers.actions.importing.save_import`); nothing is published.
With `--store` a copy of the document is kept in the default storage under offer-imports/
(the S3 bucket when one is set), never at a path on this host.
"""

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from earlyhelp.imports.models import ImportRun, Outcome
from earlyhelp.imports.pipeline import import_offer
from earlyhelp.imports.readers import TIME_LIMIT_SECONDS, UnreadableDocument
from earlyhelp.imports.result import ImportResult
from earlyhelp.lib.cliargs import iso_date
from earlyhelp.offers.actions.importing import save_import
from earlyhelp.offers.actions.importing.saving import document_hash
from earlyhelp.schools.models import School


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # reads files only; no models, URLs or templates
    help = (
        "Read an Early Help Offer document (.txt, .md, .html, .docx or .pdf) and print the "
        "people, services, review date and findings it contains. Nothing is saved unless "
        "--save --school SLUG is given: then it becomes a draft of that school's Offer, "
        "waiting for review in the editor (nothing is published). "
        "Also runs as `earlyhelp import-offer`."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path, help="the Offer document to read")
        parser.add_argument(
            "--json", action="store_true", help="print the import-contract JSON object only"
        )
        parser.add_argument(
            "--save",
            action="store_true",
            help="store the result as a draft of the school's Offer, for review in the editor",
        )
        parser.add_argument(
            "--school", metavar="SLUG", help="the school whose draft Offer --save writes to"
        )
        parser.add_argument(
            "--store",
            action="store_true",
            help="keep a copy of the document in the default storage under offer-imports/",
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
            help=(
                f"seconds allowed to convert and extract the document, in all (default "
                f"{TIME_LIMIT_SECONDS:g})"
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        school = target_school(options["save"], options["school"])
        try:
            result = import_offer(
                options["path"], today=options["today"], time_limit=options["time_limit"]
            )
        except UnreadableDocument as error:
            raise CommandError(str(error), returncode=2) from error
        run = save(school, result, options["path"]) if school is not None else None
        stored = store_document(options["path"], school) if options["store"] else None
        if options["json"]:
            self.stdout.write(json.dumps(result.to_contract(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary(result))
            if run is not None:
                self.stdout.write(saved_summary(run))
        if stored is not None:  # beside the JSON, not in it
            stream = self.stderr if options["json"] else self.stdout
            stream.write(f"Kept a copy of the document as {stored} in the storage.")


def target_school(save: bool, slug: str | None) -> School | None:
    """The school --save writes to; exit 2 with one line when it cannot be found."""
    if not save and not slug:
        return None
    if not (save and slug):
        raise CommandError("Give --save and --school SLUG together.", returncode=2)
    school = School.objects.select_related("local_authority").filter(slug=slug).first()
    if school is None:
        raise CommandError(f"No school has the slug {slug!r}.", returncode=2)
    return school


def save(school: School, result: ImportResult, path: Path) -> ImportRun:
    return save_import(
        by=None,
        school=school,
        result=result,
        document_name=path.name,
        document_sha256=document_hash(path.read_bytes()),
    )


def store_document(path: Path, school: School | None) -> str:
    """A copy of the document in the default storage (a new name if one is there already:
    a kept document is never overwritten); its name there."""
    folder = f"offer-imports/{school.slug if school else 'not-saved'}"
    with path.open("rb") as stream:
        return storages["default"].save(f"{folder}/{path.name}", File(stream, name=path.name))


def saved_summary(run: ImportRun) -> str:
    matched = run.services.filter(outcome=Outcome.MATCHED).count()
    created = run.services.filter(outcome=Outcome.CREATED).count()
    review = reverse("offers_staff:import-review", args=[run.school.slug])
    return (
        f"Saved as a draft of {run.school.name}'s Offer (not published): "
        f"{matched} services linked to the directory, {created} added as the school's own, "
        f"{run.people.count()} people. Review it at {review}"
    )


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
