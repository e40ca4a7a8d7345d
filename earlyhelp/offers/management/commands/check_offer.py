"""`earlyhelp check-offer SLUG`: every health-check finding for a school's current Offer."""

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from earlyhelp.lib.cliargs import iso_date
from earlyhelp.offers.health import HealthFinding, check_offer
from earlyhelp.offers.models import Offer

COLUMNS = ("Severity", "Code", "Where", "What is wrong", "Suggested fix")


class Command(BaseCommand):
    help = (
        "Check a school's current Offer (its draft, with the county and national services it "
        "shows) and print every finding. Exit status 1 when any finding is an error, 2 for an "
        "unknown school. Also runs as `earlyhelp check-offer`."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("slug", help="the school's slug, as in its Offer's web address")
        parser.add_argument(
            "--json", action="store_true", help="print the findings as a JSON list only"
        )
        parser.add_argument(
            "--today",
            type=iso_date,
            default=None,
            help="judge the review date as of this day (YYYY-MM-DD); default: today",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        offer = Offer.objects.filter(school__slug=options["slug"]).first()
        if offer is None:
            raise CommandError(f"No school has the slug {options['slug']!r}.", returncode=2)
        findings = check_offer(offer, today=options["today"] or timezone.localdate())
        if options["json"]:
            output = json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2)
            self.stdout.write(output)
        else:
            self.stdout.write(table(findings) if findings else "No problems found.")
        errors = sum(f.is_error for f in findings)
        if errors:
            raise CommandError(f"Found {errors} error{'s' if errors > 1 else ''}.", returncode=1)


def table(findings: list[HealthFinding]) -> str:
    rows = [COLUMNS] + [(str(f.severity), str(f.code), f.where, f.message, f.fix) for f in findings]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS) - 1)]
    lines = [
        "  ".join([*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[-1]])
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in [*widths, len(COLUMNS[-1])]))
    return "\n".join(lines)
