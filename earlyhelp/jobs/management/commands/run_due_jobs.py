"""`earlyhelp run-due-jobs`: enqueue the periodic jobs that are due (jobs.schedule)."""

from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from earlyhelp.jobs.runner import run_due_jobs
from earlyhelp.jobs.schedule import list_jobs


class Command(BaseCommand):
    help = (
        "Enqueue each periodic job that is due (casework clock, review reminders, link "
        "checks, retention review, Offer renders, each ORUK harvest source) as a background "
        "task, once per period however many hosts run this at the same time. Run it every "
        "5 minutes from a timer; `earlyhelp db_worker` runs the tasks."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--at", help="Run as if it were this local time (YYYY-MM-DDTHH:MM), for testing."
        )
        parser.add_argument(
            "--list", action="store_true", help="List the jobs and what is due; enqueue nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        now = _parse(options["at"]) if options["at"] else timezone.now()
        if options["list"]:
            local = timezone.localtime(now)
            for job in list_jobs():
                due = "due" if job.is_due(local) else "not yet due"
                start = f"{job.at_hour:02d}:{job.at_minute:02d}"
                self.stdout.write(
                    f"{job.name}: {job.period} from {start}, {due} ({job.slot(local)})"
                )
            return
        for outcome in run_due_jobs(now=now):
            self.stdout.write(f"{outcome.job} {outcome.slot}: {outcome.state}")


def _parse(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        message = f"--at must be a date and time like 2026-12-06T07:00, not {text!r}"
        raise CommandError(message) from None
    return timezone.make_aware(value) if timezone.is_naive(value) else value
