"""Walk the audit chain and name the first row that does not fit."""

from dataclasses import dataclass

from earlyhelp.audit.events import GENESIS
from earlyhelp.audit.models import AuditEvent


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    reason: str


def verify_chain(batch_size: int = 2000) -> tuple[int, ChainBreak | None]:
    """Return (rows checked, first break or None)."""
    previous, checked, last_id = GENESIS, 0, 0
    while True:
        batch = list(AuditEvent.objects.filter(id__gt=last_id).order_by("id")[:batch_size])
        if not batch:
            return checked, None
        for event in batch:
            if event.previous_hash != previous:
                return checked, ChainBreak(event.pk, "a row before it was removed or changed")
            if event.compute_hash() != event.hash:
                return checked, ChainBreak(event.pk, "its content was changed after writing")
            previous, checked, last_id = event.hash, checked + 1, event.pk
