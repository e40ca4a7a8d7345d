"""`earlyhelp harvest-oruk BASE_URL --source NAME`: keep a feed's services in the directory.

Run it from a timer (cron or a systemd timer), daily or hourly. A feed that fails the
profile's schemas is refused whole: nothing is written, the problems are listed, and the
command exits non-zero. Each run is recorded (`oruk.HarvestRun`) and audited.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from earlyhelp.oruk.client import FeedError
from earlyhelp.oruk.harvest import DEFAULT_WORKERS, HarvestRefused, harvest
from earlyhelp.schools.models import LocalAuthority


class Command(BaseCommand):
    help = (
        "Harvest an Open Referral UK 3.0 API: every page of BASE_URL/services and each "
        "BASE_URL/services/{id}, checked against the UK profile, kept as directory services."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("base_url", help="The API's base address, e.g. https://x.gov.uk/api")
        parser.add_argument("--source", required=True, help="A short name for this feed (a slug)")
        parser.add_argument(
            "--local-authority",
            default="",
            help="Slug of the county whose directory this is (else the services are national)",
        )
        parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
        parser.add_argument("--timeout", type=float, default=30.0, help="Seconds per request")
        parser.add_argument(
            "--allow-empty",
            action="store_true",
            help="Accept a feed with no services (withdrawing every service it gave before)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        local_authority = self._local_authority(options["local_authority"])
        try:
            _, counts = harvest(
                base_url=options["base_url"],
                source_name=options["source"],
                local_authority=local_authority,
                progress=self.stdout.write,
                workers=options["workers"],
                timeout=options["timeout"],
                allow_empty=options["allow_empty"],
            )
        except HarvestRefused as refused:
            listed = "\n".join(f"  - {p}" for p in refused.problems)
            raise CommandError(f"Feed refused, nothing imported:\n{listed}") from None
        except FeedError as error:
            raise CommandError(f"Feed could not be read, nothing imported: {error}") from None
        for warning in counts.warnings:
            self.stdout.write(f"Warning: {warning}")
        self.stdout.write(
            f"Done: {counts.seen} services in the feed; {counts.created} new, "
            f"{counts.updated} updated, {counts.unchanged} unchanged, "
            f"{counts.withdrawn} withdrawn."
        )

    def _local_authority(self, slug: str) -> LocalAuthority | None:
        if not slug:
            return None
        found = LocalAuthority.objects.filter(slug=slug).first()
        if found is None:
            raise CommandError(f"No local authority with slug {slug!r}")
        return found
