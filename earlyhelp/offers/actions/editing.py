"""Changes to a school's draft Offer."""

from dataclasses import replace
from typing import Literal

from django.db import transaction
from django.db.models import Max

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory.actions import create_service, update_service
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import Scope, Service, ServiceStatus
from earlyhelp.directory.taxonomies import DEFAULT_LEVEL_HEADINGS
from earlyhelp.lib.concurrency import ensure_unchanged
from earlyhelp.lib.errors import ActionError, WrongStateError
from earlyhelp.lib.ordering import swap_with_neighbour
from earlyhelp.lib.validation import validated, validated_save
from earlyhelp.offers.models import LevelHeading, Offer, OfferEntry
from earlyhelp.schools.models import School


@transaction.atomic
def create_offer(*, by: User | None, school: School) -> Offer:
    offer = validated_save(Offer(school=school))
    LevelHeading.objects.bulk_create(
        validated(LevelHeading(offer=offer, level=level, heading=heading))
        for level, heading in DEFAULT_LEVEL_HEADINGS.items()
    )
    record_event(by=by, action=AuditAction.OFFER_CREATED, obj=offer, school_id=school.pk)
    return offer


TEXT_FIELDS = ("introduction", "raising_concerns", "attendance")
HEADING_FIELDS = ("heading", "description")
ENTRY_FIELDS = ("level",)
# The service row changes (last_modified) whatever part of the provision was saved.
PROVISION_FIELDS = ("name", "description", "last_modified")


@transaction.atomic
def update_offer_text(
    *,
    by: User | None,
    offer: Offer,
    introduction: str,
    raising_concerns: str,
    attendance: str,
    expected_version: str | None = None,
) -> Offer:
    """Save the texts; with `expected_version`, refuse (StaleEdit) if someone else saved
    them since that version was read (earlyhelp.lib.concurrency)."""
    ensure_unchanged(offer, TEXT_FIELDS, expected_version)
    offer.introduction = introduction
    offer.raising_concerns = raising_concerns
    offer.attendance = attendance
    validated_save(offer)
    record_event(by=by, action=AuditAction.OFFER_TEXT_UPDATED, obj=offer, school_id=offer.school_id)
    return offer


@transaction.atomic
def set_level_heading(
    *,
    by: User | None,
    offer: Offer,
    level: int,
    heading: str,
    description: str = "",
    expected_version: str | None = None,
) -> LevelHeading:
    if not heading.strip():
        raise ActionError("Enter a heading for this level of need.")
    existing = LevelHeading.objects.filter(offer=offer, level=level).first()
    if existing is not None:
        ensure_unchanged(existing, HEADING_FIELDS, expected_version)
    row = existing or LevelHeading(offer=offer, level=level)
    row.heading, row.description = heading, description
    validated_save(row)
    record_event(
        by=by,
        action=AuditAction.OFFER_LEVEL_HEADING_SET,
        obj=offer,
        school_id=offer.school_id,
        details={"level": level, "heading": heading},
    )
    return row


@transaction.atomic
def add_entry(*, by: User | None, offer: Offer, service: Service, level: int) -> OfferEntry:
    """Show a directory service in the Offer, last under its level."""
    if service.scope == Scope.SCHOOL and service.owner_school_id != offer.school_id:
        raise ActionError("That is another school's own provision.")
    if service.status == ServiceStatus.DEFUNCT:
        raise ActionError(f"{service.name} has closed and cannot be added.")
    if offer.entries.filter(service=service).exists():
        raise ActionError(f"{service.name} is already in your Offer.")
    entry = validated_save(
        OfferEntry(offer=offer, service=service, level=level, position=_next_position(offer, level))
    )
    record_event(
        by=by,
        action=AuditAction.OFFER_ENTRY_ADDED,
        obj=offer,
        school_id=offer.school_id,
        details={"service_id": service.pk, "service": service.name, "level": level},
    )
    return entry


@transaction.atomic
def remove_entry(*, by: User | None, entry: OfferEntry) -> None:
    record_event(
        by=by,
        action=AuditAction.OFFER_ENTRY_REMOVED,
        obj=entry.offer,
        school_id=entry.offer.school_id,
        details={"service_id": entry.service_id, "service": entry.service.name},
    )
    entry.delete()


@transaction.atomic
def set_entry_level(
    *, by: User | None, entry: OfferEntry, level: int, expected_version: str | None = None
) -> OfferEntry:
    """Show the entry under `level`; with `expected_version`, refuse (StaleEdit) if someone
    else moved it since that version was read."""
    ensure_unchanged(entry, ENTRY_FIELDS, expected_version)
    entry.refresh_from_db(fields=["level", "position"])
    if entry.level != level:
        entry.level = level
        entry.position = _next_position(entry.offer, level)
        validated_save(entry)
        record_event(
            by=by,
            action=AuditAction.OFFER_ENTRY_LEVEL_SET,
            obj=entry.offer,
            school_id=entry.offer.school_id,
            details={"service_id": entry.service_id, "level": level},
        )
    return entry


@transaction.atomic
def move_entry(
    *, by: User | None, entry: OfferEntry, direction: Literal["up", "down"]
) -> OfferEntry:
    """Swap an entry with its neighbour under the same level."""
    if swap_with_neighbour(entry.offer.entries.filter(level=entry.level), entry, direction):
        record_event(
            by=by,
            action=AuditAction.OFFER_ENTRY_MOVED,
            obj=entry.offer,
            school_id=entry.offer.school_id,
            details={"service_id": entry.service_id, "direction": direction},
        )
    entry.refresh_from_db()
    return entry


def _next_position(offer: Offer, level: int) -> int:
    last = offer.entries.filter(level=level).aggregate(last=Max("position"))["last"]
    return (last or 0) + 1


@transaction.atomic
def add_own_provision(
    *, by: User | None, offer: Offer, data: ServiceData, level: int
) -> OfferEntry:
    """Describe a piece of the school's own support and show it in the draft under `level`.

    It stays out of the directory (inactive) until the Offer is next published.
    """
    service = create_service(
        by=by,
        data=replace(data, status=ServiceStatus.INACTIVE),
        scope=Scope.SCHOOL,
        owner_school=offer.school,
    )
    return add_entry(by=by, offer=offer, service=service, level=level)


@transaction.atomic
def update_own_provision(
    *,
    by: User | None,
    offer: Offer,
    service: Service,
    data: ServiceData,
    expected_version: str | None = None,
) -> Service:
    """Change the school's own provision; whether the directory shows it does not change.
    With `expected_version`, refuse (StaleEdit) if it was saved by someone else since."""
    _check_own_provision(offer, service)
    ensure_unchanged(service, PROVISION_FIELDS, expected_version)
    return update_service(by=by, service=service, data=replace(data, status=service.status))


@transaction.atomic
def delete_own_provision(*, by: User | None, offer: Offer, service: Service) -> None:
    """Delete provision that is neither in the draft nor on the published Offer."""
    _check_own_provision(offer, service)
    if offer.entries.filter(service=service).exists():
        raise WrongStateError(f"Remove {service.name} from your Offer before you delete it.")
    if service.status == ServiceStatus.ACTIVE:
        raise WrongStateError(
            f"{service.name} is on your published Offer. Publish your Offer without it "
            "first, then delete it."
        )
    record_event(
        by=by,
        action=AuditAction.SERVICE_DELETED,
        obj=service,
        school_id=offer.school_id,
        details={"service": service.name, "scope": service.scope},
    )
    service.delete()


def _check_own_provision(offer: Offer, service: Service) -> None:
    if service.scope != Scope.SCHOOL or service.owner_school_id != offer.school_id:
        raise ActionError(f"{service.name} is not your school's own provision.")
    if service.status == ServiceStatus.DEFUNCT:
        raise WrongStateError(f"{service.name} has closed.")
