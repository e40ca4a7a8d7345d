"""The review of a saved import: what the person chose for each service, applied at once.

Choices, keyed by `ImportedService` id:
- a matched service, one per disagreement field (phone, email, url, name): `keep` the
  directory's value, use the `document`'s (only for the school's own provision: a county or
  national record is not the school's to change), or `unlink`: not this service after all,
  so the document's service becomes the school's own provision and the link is dropped;
- a service the import created: `keep` it in the draft, or `reject` it (removed and deleted).
"""

from collections import Counter
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory.models import Scope, Service
from earlyhelp.imports.models import Decision, ImportedService, ImportRun, Outcome, RunStatus
from earlyhelp.lib.errors import ActionError, WrongStateError
from earlyhelp.offers.actions.editing import add_own_provision, update_own_provision
from earlyhelp.offers.actions.importing import values
from earlyhelp.offers.actions.importing.saving import NEW_SERVICE_LEVEL, _take_out
from earlyhelp.offers.models import Offer

KEEP, DOCUMENT, UNLINK, REJECT = "keep", "document", "unlink", "reject"
ServiceChoice = Mapping[str, str]


def may_take_document_values(row: ImportedService, school_id: int) -> bool:
    """Only the school's own provision can be changed from the school's document."""
    service = row.service
    return (
        service is not None
        and service.scope == Scope.SCHOOL
        and service.owner_school_id == school_id
    )


@transaction.atomic
def apply_review(
    *, by: User | None, run: ImportRun, choices: Mapping[int, ServiceChoice]
) -> ImportRun:
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.status != RunStatus.WAITING:
        raise WrongStateError("This import has been reviewed or replaced already.")
    offer = Offer.objects.select_related("school").get(school_id=run.school_id)
    decisions: Counter[str] = Counter()
    rows = list(run.services.select_related("service"))
    for row in rows:
        _check(row, dict(choices.get(row.pk, {})), run.school_id)
    linked = _still_linked(rows, choices)
    for row in rows:
        chosen = dict(choices.get(row.pk, {}))
        row.choices = chosen
        row.decision = _apply(by, offer, row, chosen, linked)
        row.save(update_fields=["choices", "decision", "service"])
        decisions[row.decision] += 1
    run.status = RunStatus.REVIEWED
    run.reviewed_at = timezone.now()
    run.reviewed_by_name = (by.get_full_name() or by.username) if by else "system"
    run.save(update_fields=["status", "reviewed_at", "reviewed_by_name"])
    record_event(
        by=by,
        action=AuditAction.IMPORT_REVIEWED,
        obj=run,
        school_id=run.school_id,
        details={"decisions": dict(sorted(decisions.items()))},
    )
    return run


def _check(row: ImportedService, chosen: dict[str, str], school_id: int) -> None:
    if row.outcome == Outcome.CREATED:
        wanted, allowed = {"service"}, {KEEP, REJECT}
    else:
        wanted = {d["field"] for d in row.disagreements}
        allowed = {KEEP, UNLINK}
        if may_take_document_values(row, school_id):
            allowed.add(DOCUMENT)
    if row.service is None:
        wanted = set()
    if set(chosen) != wanted or not set(chosen.values()) <= allowed:
        raise ActionError(f"Choose what to do with {row.name}.")


def _still_linked(rows: list[ImportedService], choices: Mapping[int, ServiceChoice]) -> set[int]:
    """Records that some matched service of this import stays linked to."""
    return {
        row.service_id
        for row in rows
        if row.outcome == Outcome.MATCHED
        and row.service_id is not None
        and UNLINK not in choices.get(row.pk, {}).values()
    }


def _apply(
    by: User | None, offer: Offer, row: ImportedService, chosen: dict[str, str], linked: set[int]
) -> str:
    service = row.service
    if service is None:
        return Decision.KEPT
    if chosen.get("service") == REJECT:
        _take_out(by, offer, service, remove=row.entry_added, delete=True)
        row.service = None
        return Decision.REJECTED
    if UNLINK in chosen.values():
        row.service = _unlink(by, offer, row, service, keep_entry=service.pk in linked)
        return Decision.UNLINKED
    fields = {field for field, choice in chosen.items() if choice == DOCUMENT}
    if fields:
        data = values.with_document_values(
            values.stored_service_data(service), fields, row.name, row.document
        )
        update_own_provision(by=by, offer=offer, service=service, data=data)
        return Decision.UPDATED
    return Decision.KEPT


def _unlink(
    by: User | None, offer: Offer, row: ImportedService, service: Service, *, keep_entry: bool
) -> Service:
    """Drop the link the import made; the document's service becomes the school's own.

    The record leaves the draft only if the import put it there and no other service of the
    import is still linked to it.
    """
    entry = offer.entries.filter(service=service).first()
    level = entry.level if entry is not None else NEW_SERVICE_LEVEL
    if row.entry_added and not keep_entry:
        _take_out(by, offer, service, remove=True, delete=False)
    data = values.new_service_data(row.name, row.document)
    return add_own_provision(by=by, offer=offer, data=data, level=level).service
