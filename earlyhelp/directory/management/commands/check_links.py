"""`earlyhelp check-links`: visit every web address in the directory and store the result."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from earlyhelp.directory.link_sources import list_directory_urls, list_recently_checked
from earlyhelp.lib.linkcheck import CheckSettings, LinkResult, check_urls, user_agent
from earlyhelp.links.actions import record_link_checks


class Command(BaseCommand):
    help = (
        "Visit every web address of the directory's active services (service, further and "
        "organisation addresses), with a few requests at a time, a time-out and retries, and "
        "record which work. Services then show 'Link checked N days ago' or 'Link not "
        "working since ...'."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--workers", type=int, default=8, help="Requests at once (1-64).")
        parser.add_argument("--timeout", type=float, default=10.0, help="Seconds per request.")
        parser.add_argument("--retries", type=int, default=2, help="Further tries (0-10).")
        parser.add_argument(
            "--only-older-than",
            type=int,
            metavar="DAYS",
            help="Skip addresses checked less than DAYS days ago.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        check_settings = _settings(options)
        urls = list_directory_urls()
        if options["only_older_than"] is not None:
            recent = list_recently_checked(urls, days=options["only_older_than"])
            urls = [url for url in urls if url not in recent]
        self._done, self._total, self._verbosity = 0, len(urls), int(options["verbosity"])
        if self._verbosity >= 1:
            self.stdout.write(f"Checking {len(urls)} links with {check_settings.workers} workers.")
        results = check_urls(urls, check_settings, on_result=self._progress)
        summary = record_link_checks(by=None, results=results)
        self.stdout.write(
            self.style.SUCCESS(
                f"Checked {summary.checked} links: {summary.working} working, "
                f"{summary.failing} failing ({summary.newly_failing} newly failing)."
            )
        )

    def _progress(self, result: LinkResult) -> None:
        self._done += 1
        verbosity = self._verbosity
        if not result.ok and verbosity >= 1:
            self.stdout.write(f"[{self._done}/{self._total}] {result.error}: {result.url}")
        elif verbosity >= 2 or (verbosity >= 1 and self._done % 50 == 0):
            self.stdout.write(f"[{self._done}/{self._total}] working: {result.url}")


def _settings(options: dict[str, Any]) -> CheckSettings:
    if not 1 <= options["workers"] <= 64:
        raise CommandError("--workers must be between 1 and 64.")
    if not 0 < options["timeout"] <= 120:
        raise CommandError("--timeout must be more than 0 and at most 120 seconds.")
    if not 0 <= options["retries"] <= 10:
        raise CommandError("--retries must be between 0 and 10.")
    if options["only_older_than"] is not None and options["only_older_than"] < 0:
        raise CommandError("--only-older-than must be 0 or more days.")
    return CheckSettings(
        user_agent=user_agent(settings.SITE_URL),
        workers=options["workers"],
        timeout=options["timeout"],
        retries=options["retries"],
    )
