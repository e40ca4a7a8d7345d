"""Putting the services under one level of need in a new order, in one step."""

from django.db import transaction

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.lib.errors import ActionError
from earlyhelp.offers.models import Offer, OfferEntry

# Audit events of reordering, named once here.

OUT_OF_DATE = (
    "The services under this level changed since you opened the page. "
    "Check the list and save the order again."
)


class OrderOutOfDate(ActionError):
    """The list changed (a service added or removed) since the page was read."""


@transaction.atomic
def reorder_entries(*, by: User | None, offer: Offer, level: int, order: list[int]) -> bool:
    """Show the entries under `level` in `order` (every entry id under it, once each).

    False when the order is the one already stored (nothing written, nothing audited).
    """
    entries = list(
        OfferEntry.objects.select_for_update()
        .filter(offer=offer, level=level)
        .order_by("position", "id")
    )
    if sorted(order) != sorted(e.pk for e in entries) or len(set(order)) != len(order):
        raise OrderOutOfDate(OUT_OF_DATE)
    if order == [e.pk for e in entries] and _numbered(entries):
        return False
    by_id = {e.pk: e for e in entries}
    for position, entry_id in enumerate(order, start=1):
        by_id[entry_id].position = position
    OfferEntry.objects.bulk_update(entries, ["position"])
    record_event(
        by=by,
        action=AuditAction.OFFER_ENTRIES_REORDERED,
        obj=offer,
        school_id=offer.school_id,
        details={"level": level, "services": [by_id[i].service_id for i in order]},
    )
    return True


def _numbered(entries: list[OfferEntry]) -> bool:
    return [e.position for e in entries] == list(range(1, len(entries) + 1))
