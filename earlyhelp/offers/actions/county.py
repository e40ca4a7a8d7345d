"""County directory editors' writes: a county service added, changed or withdrawn, and each
school whose Offer shows it told what changed (`ServiceChangeNotice`)."""

from dataclasses import replace

from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory.actions import create_service, set_service_status, update_service
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import Scope, Service, ServiceStatus
from earlyhelp.lib.concurrency import ensure_unchanged
from earlyhelp.lib.errors import WrongStateError
from earlyhelp.lib.validation import validated, validated_save
from earlyhelp.offers.actions.editing import PROVISION_FIELDS
from earlyhelp.offers.models import Offer, ServiceChangeNotice
from earlyhelp.offers.service_changes import ServiceFacts, describe, facts_of
from earlyhelp.schools.models import LocalAuthority


@transaction.atomic
def add_county_service(*, by: User, local_authority: LocalAuthority, data: ServiceData) -> Service:
    return create_service(
        by=by, data=data, scope=Scope.LOCAL, owner_local_authority=local_authority
    )


@transaction.atomic
def update_county_service(
    *, by: User, service: Service, data: ServiceData, expected_version: str | None = None
) -> int:
    """Save the editor's changes (an edit is not a check: the last check is kept) and tell
    each school that shows the service; returns how many schools were told."""
    ensure_unchanged(service, PROVISION_FIELDS, expected_version)
    before = facts_of(service)
    update_service(by=by, service=service, data=replace(data, assured_date=service.assured_date))
    return tell_schools(service=service, before=before, by_name=_name(by))


@transaction.atomic
def withdraw_county_service(*, by: User, service: Service) -> int:
    """No longer shown to families (kept, never deleted); each school that shows it is told."""
    if service.status in {ServiceStatus.INACTIVE, ServiceStatus.DEFUNCT}:
        raise WrongStateError(f"{service.name} is already withdrawn.")
    before = facts_of(service)
    set_service_status(by=by, service=service, status=ServiceStatus.INACTIVE)
    return tell_schools(service=service, before=before, by_name=_name(by))


def tell_schools(*, service: Service, before: ServiceFacts, by_name: str) -> int:
    """A notice for each Offer that shows the service, if a fact families use changed.

    Called inside the action that changed the service (whose audit event records the change).
    """
    changes = describe(before, facts_of(service))
    if not changes:
        return 0
    now = timezone.now()
    notices = [
        validated(
            ServiceChangeNotice(
                offer=offer,
                service=service,
                service_name=service.name,
                changes=changes,
                changed_at=now,
                changed_by_name=by_name,
            )
        )
        for offer in Offer.objects.filter(entries__service=service).distinct()
    ]
    ServiceChangeNotice.objects.bulk_create(notices)
    return len(notices)


@transaction.atomic
def dismiss_service_notice(*, by: User, notice: ServiceChangeNotice) -> None:
    if notice.dismissed_at is not None:
        raise WrongStateError("That notice has already been dismissed.")
    notice.dismissed_at = timezone.now()
    notice.dismissed_by_name = _name(by)
    validated_save(notice)
    record_event(
        by=by,
        action=AuditAction.OFFER_SERVICE_CHANGE_DISMISSED,
        obj=notice.offer,
        school_id=notice.offer.school_id,
        details={"service_id": notice.service_id, "service": notice.service_name},
    )


def _name(by: User) -> str:
    return by.get_full_name() or by.get_username()
