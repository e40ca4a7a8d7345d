"""`earlyhelp verify_audit`: check that no audit event was edited or removed."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from earlyhelp.audit.verify import verify_chain


class Command(BaseCommand):
    help = "Check the audit trail's hash chain; name the first row that was edited or removed."

    def handle(self, *args: Any, **options: Any) -> None:
        checked, broken = verify_chain()
        if broken is not None:
            raise CommandError(
                f"Audit trail broken at event {broken.event_id}: {broken.reason} "
                f"({checked} events before it are intact)."
            )
        self.stdout.write(f"Audit trail intact: {checked} events checked.")
