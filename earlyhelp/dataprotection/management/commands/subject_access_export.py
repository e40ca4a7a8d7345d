"""`earlyhelp subject-access-export --pupil ID --out DIR`: everything held about one child."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from earlyhelp.dataprotection.actions import export_subject_access
from earlyhelp.dataprotection.subject_access import to_json, to_pdf
from earlyhelp.pupils.models import Pupil


class Command(BaseCommand):
    help = (
        "Write everything held about one child (the pupil row, every record that refers to "
        "them with its text decrypted, the chronology and the audit events about them) to "
        "DIR as JSON and PDF, for a subject access request. The export is audited. The DSL "
        "can make the same export from the child's record in the staff area."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pupil", type=int, required=True, help="The pupil's id.")
        parser.add_argument("--out", type=Path, required=True, help="An existing folder.")

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path = options["out"]
        if not out.is_dir():
            raise CommandError(f"{out} is not a folder.")
        pupil = Pupil.objects.select_related("school").filter(pk=options["pupil"]).first()
        if pupil is None:
            raise CommandError(f"There is no pupil with id {options['pupil']}.")
        export = export_subject_access(pupil=pupil, by=None)
        stem = out / f"subject-access-{pupil.pk}-{timezone.localdate().isoformat()}"
        written = []
        for suffix, data in (
            (".json", to_json(export)),
            (".pdf", to_pdf(export, base_url=settings.SITE_URL)),
        ):
            path = stem.with_suffix(suffix)
            path.write_bytes(data)
            path.chmod(0o600)
            written.append(str(path))
        self.stdout.write(self.style.SUCCESS("Wrote " + " and ".join(written)))
