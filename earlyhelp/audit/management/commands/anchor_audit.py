"""`earlyhelp anchor-audit`: write a signed checkpoint of the audit chain's head to storage.

Run it regularly (a daily timer, say): a trail rewritten or emptied before the newest
anchor fails `earlyhelp verify-audit`. The chain is verified first; a broken chain is not
anchored.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from earlyhelp.audit.anchors import AnchorError, current_anchor, latest_anchor, write_anchor
from earlyhelp.audit.verify import verify_chain


class Command(BaseCommand):
    help = "Verify the audit chain, then write a signed anchor of its head to storage."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            previous = latest_anchor()
        except AnchorError as error:
            raise CommandError(str(error)) from error
        checked, broken = verify_chain(anchor=previous)
        if broken is not None:
            raise CommandError(
                f"Not anchored: the audit trail is broken at event {broken.event_id}: "
                f"{broken.reason}. Investigate before anchoring."
            )
        anchor = current_anchor()
        name = write_anchor(anchor)
        self.stdout.write(f"Anchored {checked:,} audit events (head {anchor.head[:12]}) in {name}.")
