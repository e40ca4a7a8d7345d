"""`earlyhelp casework-clock`: the graduated response clock, run daily (cron or a timer)."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from earlyhelp.casework.clock import run_clock
from earlyhelp.records.models import TaskKind


class Command(BaseCommand):
    help = (
        "Create the safeguarding team's tasks for what is due or late: reviews, plan actions, "
        "a term without a plan, two terms without progress, referrals waiting past their "
        "follow-up date and child protection files not received in 5 school days. Safe to run "
        "again: nothing is created twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", type=date.fromisoformat, help="Run as if today were this date (YYYY-MM-DD)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        made = run_clock(today=options["date"])
        if not made:
            self.stdout.write("No new tasks.")
        for kind, count in sorted(made.items()):
            self.stdout.write(f"{TaskKind(kind).label}: {count} new")
