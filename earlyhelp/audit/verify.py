"""Walk the audit chain and name the first row that does not fit, or the anchor it misses."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from earlyhelp.audit.anchors import Anchor
from earlyhelp.audit.events import GENESIS
from earlyhelp.audit.models import KEYED, UNKEYED, AuditEvent


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    reason: str
    against_anchor: bool = False


def verify_chain(
    batch_size: int = 2000, *, anchor: Anchor | None = None
) -> tuple[int, ChainBreak | None]:
    """Return (rows checked, first break or None). With an anchor, the chain must also hold
    the anchored head at the anchored row, with as many rows up to it as the anchor saw."""
    return verify_events(_stored_events(batch_size), anchor=anchor)


def _stored_events(batch_size: int) -> Iterator[AuditEvent]:
    last_id = 0
    while True:
        batch = list(AuditEvent.objects.filter(id__gt=last_id).order_by("id")[:batch_size])
        if not batch:
            return
        yield from batch
        last_id = batch[-1].pk


def verify_events(
    events: Iterable[AuditEvent], *, anchor: Anchor | None = None
) -> tuple[int, ChainBreak | None]:
    """Check events given in id order (from the ORM, or read from a scratch database)."""
    previous, checked, keyed = GENESIS, 0, False
    at_anchor: tuple[int, str] | None = None
    for event in events:
        problem = _row_problem(event, previous, keyed)
        if problem:
            return checked, ChainBreak(event.pk, problem)
        keyed = keyed or event.chain_version == KEYED
        previous, checked = event.hash, checked + 1
        if anchor is not None and event.pk == anchor.last_id:
            at_anchor = (checked, event.hash)
    if anchor is not None and anchor.events > 0 and at_anchor != (anchor.events, anchor.head):
        return checked, _anchor_break(anchor, checked, at_anchor)
    return checked, None


def _row_problem(event: AuditEvent, previous: str, keyed: bool) -> str:
    if event.previous_hash != previous:
        return "a row before it was removed or changed"
    if event.chain_version not in {UNKEYED, KEYED}:
        return f"it has an unknown chain version {event.chain_version}"
    if keyed and event.chain_version == UNKEYED:
        return "an unkeyed row after keyed ones: it was rewritten"
    if event.compute_hash() != event.hash:
        return "its content was changed after writing"
    return ""


def _anchor_break(anchor: Anchor, checked: int, at_anchor: tuple[int, str] | None) -> ChainBreak:
    if at_anchor is None:
        reason = (
            f"the trail has {checked:,} events and no event {anchor.last_id}, but "
            f"{anchor.describe()} ends there: the trail was emptied or cut short"
        )
    else:
        reason = (
            f"{anchor.describe()} ends at event {anchor.last_id} with another hash or count "
            f"({at_anchor[0]:,} events up to it here): the trail was rewritten"
        )
    return ChainBreak(anchor.last_id, reason, against_anchor=True)
