"""`earlyhelp subject-access-export --pupil ID (--out DIR | --store)`: everything held about
one child, as JSON and PDF, in a folder of the operator's or in the default storage."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from earlyhelp.dataprotection.actions import export_subject_access
from earlyhelp.dataprotection.subject_access import to_json, to_pdf
from earlyhelp.pupils.models import Pupil

STORE_PREFIX = "subject-access"


class Command(BaseCommand):
    help = (
        "Write everything held about one child (the pupil row, every record that refers to "
        "them with its text decrypted, the chronology and the audit events about them) as "
        "JSON and PDF, for a subject access request: to DIR (--out), or into the default "
        "storage under subject-access/ (--store: the S3 bucket when one is set, so any app "
        "server can run it). The export is audited. The DSL can make the same export from "
        "the child's record in the staff area."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pupil", type=int, required=True, help="The pupil's id.")
        parser.add_argument("--out", type=Path, help="An existing folder on this host.")
        parser.add_argument(
            "--store",
            action="store_true",
            help="Write the two files into the default storage instead (or as well).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path | None = options["out"]
        if out is None and not options["store"]:
            raise CommandError("Give --out DIR, --store or both.")
        if out is not None and not out.is_dir():
            raise CommandError(f"{out} is not a folder.")
        pupil = Pupil.objects.select_related("school").filter(pk=options["pupil"]).first()
        if pupil is None:
            raise CommandError(f"There is no pupil with id {options['pupil']}.")
        export = export_subject_access(pupil=pupil, by=None)
        stem = f"subject-access-{pupil.pk}-{timezone.localdate().isoformat()}"
        files = {
            f"{stem}.json": to_json(export),
            f"{stem}.pdf": to_pdf(export, base_url=settings.SITE_URL),
        }
        written = []
        if out is not None:
            written += [_write(out / name, data) for name, data in files.items()]
        if options["store"]:
            written += [_store(f"{STORE_PREFIX}/{name}", data) for name, data in files.items()]
        self.stdout.write(self.style.SUCCESS("Wrote " + " and ".join(written)))


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    path.chmod(0o600)
    return str(path)


def _store(name: str, data: bytes) -> str:
    """Saved under a new name if one of that name is there already: never overwritten."""
    return "storage:" + storages["default"].save(name, ContentFile(data, name=name))
