"""`earlyhelp remind_training`: e-mail staff whose training is due soon or overdue.

Each record is reminded once when due and once when overdue, however often this runs; a
daily timer (or `run-due-jobs`, which runs the same as the `remind-training` job) is enough.
"""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from earlyhelp.training.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail each member of staff whose training is due soon or overdue (once each)."

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_reminders(today=timezone.localdate())
        for line in result.schools:
            self.stdout.write(f"{line} sent")
        self.stdout.write(
            f"Reminders sent: {result.sent}; already sent before: {result.already}; "
            f"no e-mail address: {result.no_email}."
        )
