"""`earlyhelp verify-audit`: check that no audit event was edited or removed."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from earlyhelp.audit.anchors import AnchorError, latest_anchor
from earlyhelp.audit.verify import verify_chain


class Command(BaseCommand):
    help = (
        "Check the audit trail's keyed hash chain against the newest anchor in storage; name "
        "the first row that was edited or removed, or the anchor the trail no longer matches."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            anchor = latest_anchor()
        except AnchorError as error:
            raise CommandError(str(error)) from error
        checked, broken = verify_chain(anchor=anchor)
        if broken is not None and broken.against_anchor:
            raise CommandError(f"Audit trail does not match its anchor: {broken.reason}.")
        if broken is not None:
            raise CommandError(
                f"Audit trail broken at event {broken.event_id}: {broken.reason} "
                f"({checked} events before it are intact)."
            )
        if anchor is None:
            self.stdout.write(
                f"Audit trail intact: {checked} events checked. No anchor yet: run "
                "`earlyhelp anchor-audit` (or make a backup) so that an emptied or rewritten "
                "trail can be detected."
            )
            return
        self.stdout.write(
            f"Audit trail intact: {checked} events checked, matching {anchor.describe()}."
        )
