"""Writes to the directory. Every write keeps the search text and records an audit event."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory import taxonomies
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import (
    Attribute,
    CheckMethod,
    Contact,
    CostOption,
    Language,
    Organization,
    Phone,
    Schedule,
    Scope,
    Service,
    ServiceArea,
    TaxonomyTerm,
    Url,
)
from earlyhelp.directory.search import index_service
from earlyhelp.lib.errors import ActionError
from earlyhelp.schools.models import LocalAuthority, School


@transaction.atomic
def get_or_create_organization(*, by: User | None, name: str, website: str = "") -> Organization:
    existing = Organization.objects.filter(name__iexact=name.strip()).first()
    if existing is not None:
        return existing
    organization = Organization(name=name.strip(), website=website)
    organization.full_clean()
    organization.save()
    record_event(by=by, action=AuditAction.ORGANIZATION_CREATED, obj=organization)
    return organization


@transaction.atomic
def rename_organization(*, by: User | None, organization: Organization, name: str) -> Organization:
    """A new name for an organisation; every service of it shows the new name."""
    before = organization.name
    organization.name = name.strip()
    organization.full_clean()
    organization.save(update_fields=["name"])
    record_event(
        by=by,
        action=AuditAction.ORGANIZATION_RENAMED,
        obj=organization,
        details={"before": before, "after": organization.name},
    )
    return organization


@transaction.atomic
def create_service(
    *,
    by: User | None,
    data: ServiceData,
    scope: Scope,
    owner_school: School | None = None,
    owner_local_authority: LocalAuthority | None = None,
) -> Service:
    service = Service(
        scope=scope, owner_school=owner_school, owner_local_authority=owner_local_authority
    )
    _write_service(service, data, by=by)
    record_event(
        by=by,
        action=AuditAction.SERVICE_CREATED,
        obj=service,
        school_id=owner_school.pk if owner_school else None,
    )
    return service


@transaction.atomic
def update_service(*, by: User | None, service: Service, data: ServiceData) -> Service:
    _write_service(service, data, by=by)
    record_event(
        by=by, action=AuditAction.SERVICE_UPDATED, obj=service, school_id=service.owner_school_id
    )
    return service


@transaction.atomic
def set_service_status(*, by: User | None, service: Service, status: str) -> Service:
    service.status = status
    service.full_clean()
    service.save(update_fields=["status", "last_modified"])
    record_event(
        by=by,
        action=AuditAction.SERVICE_STATUS_CHANGED,
        obj=service,
        school_id=service.owner_school_id,
        details={"status": status},
    )
    return service


@transaction.atomic
def check_service(
    *, by: User, service: Service, method: CheckMethod, on: date | None = None
) -> Service:
    """Record that the service's details were confirmed today (or `on`), how and by whom."""
    checked_on = on or timezone.localdate()
    if checked_on > timezone.localdate():
        raise ActionError("The date of the check cannot be in the future.")
    service.assured_date = checked_on
    service.assured_method = method
    service.assured_by_name = by.get_full_name() or by.get_username()
    service.full_clean()
    service.save(
        update_fields=["assured_date", "assured_method", "assured_by_name", "last_modified"]
    )
    record_event(
        by=by,
        action=AuditAction.SERVICE_CHECKED,
        obj=service,
        school_id=service.owner_school_id,
        details={"method": str(method), "on": checked_on.isoformat()},
    )
    return service


# The service's own columns, copied from `ServiceData` as they are (here and in `bulk`).
SERVICE_FIELDS = (
    "name",
    "description",
    "url",
    "email",
    "status",
    "minimum_age",
    "maximum_age",
    "application_process",
    "eligibility_description",
    "fees_description",
    "assured_date",
)


def _write_service(service: Service, data: ServiceData, *, by: User | None) -> None:
    is_new = service.pk is None
    service.organization = get_or_create_organization(by=by, name=data.organization_name)
    for name in SERVICE_FIELDS:
        setattr(service, name, getattr(data, name))
    if service.assured_date is None:
        service.assured_date = timezone.localdate()
    service.full_clean()
    service.save()
    if not is_new:
        _delete_children(service)
    _create_children(service, data)
    _create_terms(service, data)
    index_service(service)


def _delete_children(service: Service) -> None:
    for related in (
        service.phones,
        service.contacts,
        service.additional_urls,
        service.schedules,
        service.cost_options,
        service.service_areas,
        service.languages,
        service.attributes,
    ):
        related.all().delete()


def _create_children(service: Service, data: ServiceData) -> None:
    """Validate every child row first, then write each kind in one statement."""
    groups = child_rows(service, data)
    for group in groups:
        for obj in group:
            # hsds_id is a fresh UUID4: skip the per-row uniqueness queries.
            obj.full_clean(validate_unique=False, validate_constraints=False)
    for group in groups:
        if group:
            type(group[0]).objects.bulk_create(group)


def child_rows(service: Service, data: ServiceData) -> list[list[Any]]:
    """The service's phones, contacts, urls, schedules, costs, areas and languages, unsaved."""
    phones = [
        Phone(
            service=service,
            number=p.number,
            type=p.type,
            description=p.description,
            extension=p.extension,
        )
        for p in data.phones
    ]
    contacts = [Contact(service=service, email=email) for email in data.emails]
    urls = [Url(service=service, url=url) for url in data.additional_urls]
    schedules = [
        Schedule(
            service=service,
            byday=s.byday,
            opens_at=s.opens_at,
            closes_at=s.closes_at,
            description=s.description,
        )
        for s in data.schedules
    ]
    costs = []
    if data.free is not None:
        costs.append(
            CostOption(
                service=service,
                option="Free" if data.free else "Charges apply",
                amount=Decimal(0) if data.free else None,
                amount_description=data.fees_description[:300],
            )
        )
    areas = [ServiceArea(service=service, name=area) for area in data.service_areas]
    languages = [Language(service=service, name=language) for language in data.languages]
    return [phones, contacts, urls, schedules, costs, areas, languages]


def wanted_terms(data: ServiceData) -> dict[str, tuple[str, ...]]:
    """The service's term codes of each of the directory's own taxonomies."""
    return {
        taxonomies.TOPIC: data.topics,
        taxonomies.LEVEL_OF_NEED: tuple(f"level-{level}" for level in data.levels),
        taxonomies.REFERRAL_ROUTE: data.referral_routes,
        taxonomies.DELIVERY: data.delivery,
        taxonomies.FEATURE: data.features,
    }


def _create_terms(service: Service, data: ServiceData) -> None:
    wanted = wanted_terms(data)
    all_codes = {code for codes in wanted.values() for code in codes}
    found = {
        (t.taxonomy.name, t.code): t
        for t in TaxonomyTerm.objects.filter(
            taxonomy__name__in=list(wanted), code__in=all_codes
        ).select_related("taxonomy")
    }
    attributes = []
    for taxonomy, codes in wanted.items():
        missing = sorted(code for code in codes if (taxonomy, code) not in found)
        if missing:
            raise ActionError(f"Unknown {taxonomy} terms: {', '.join(missing)}")
        attributes += [
            Attribute(service=service, taxonomy_term=found[taxonomy, code], link_type=taxonomy)
            for code in dict.fromkeys(codes)
        ]
    Attribute.objects.bulk_create(attributes)
