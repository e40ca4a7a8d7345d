"""`earlyhelp retention-review`: records due for review under the retention schedule."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from earlyhelp.dataprotection.retention import count_registers_due, list_child_records_due
from earlyhelp.lib.datefmt import govuk_date


class Command(BaseCommand):
    help = (
        "List children's safeguarding records due for review (date of birth + 25 years) and "
        "register rows older than 6 years. Deletes nothing: records under legal hold are "
        "marked. Run monthly; the DSL decides each case."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--on", type=date.fromisoformat, help="Review as at this date (YYYY-MM-DD)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        on = options["on"] or timezone.localdate()
        due = list_child_records_due(on)
        self.stdout.write(f"Children's records due for review on {govuk_date(on)}: {len(due)}")
        for record in due:
            pupil = record.pupil
            hold = "  LEGAL HOLD: keep" if record.on_hold else ""
            self.stdout.write(
                f"  pupil {pupil.pk}  {pupil.school.name}  born {pupil.date_of_birth:%d/%m/%Y}"
                f"  review from {record.review_on:%d/%m/%Y}{hold}"
            )
        registers = count_registers_due(on)
        if not registers:
            self.stdout.write("Registers: none held yet.")
        for label, count in registers.items():
            self.stdout.write(f"Registers older than 6 years in {label}: {count}")
