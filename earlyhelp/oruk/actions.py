"""Writes of the harvest. Services go through the directory's own actions; what they do not
cover (locations, other publishers' taxonomy terms, where a service came from) is written
here, each with its audit event in the same transaction.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory.actions import set_service_status, update_service
from earlyhelp.directory.bulk import NewService, create_services
from earlyhelp.directory.models import (
    Address,
    Attribute,
    Location,
    Scope,
    Service,
    ServiceAtLocation,
    ServiceStatus,
    Taxonomy,
    TaxonomyTerm,
)
from earlyhelp.directory.search import index_service
from earlyhelp.offers.actions.county import tell_schools
from earlyhelp.offers.service_changes import facts_of
from earlyhelp.oruk.feed import HarvestRecord, LocationData, TermData
from earlyhelp.oruk.models import HarvestedService, HarvestRun, HarvestSource
from earlyhelp.schools.models import LocalAuthority

BATCH = 500
FEED_NAME = "its directory feed"  # who changed a harvested service, as schools are told


@dataclass
class Counts:
    seen: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {
            "seen": self.seen,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "withdrawn": self.withdrawn,
        }


@transaction.atomic
def get_or_create_source(
    *, by: User | None, name: str, base_url: str, local_authority: LocalAuthority | None
) -> HarvestSource:
    source = HarvestSource.objects.filter(name=name).first()
    if source is None:
        source = HarvestSource(name=name, base_url=base_url, local_authority=local_authority)
        source.full_clean()
        source.save()
        record_event(by=by, action=AuditAction.HARVEST_SOURCE_CREATED, obj=source)
    elif source.base_url != base_url or source.local_authority != local_authority:
        source.base_url, source.local_authority = base_url, local_authority
        source.full_clean()
        source.save()
        record_event(by=by, action=AuditAction.HARVEST_SOURCE_UPDATED, obj=source)
    return source


@transaction.atomic
def start_run(*, by: User | None, source: HarvestSource, at: datetime) -> HarvestRun:
    run = HarvestRun.objects.create(source=source, started_at=at)
    record_event(by=by, action=AuditAction.HARVEST_STARTED, obj=run)
    return run


@transaction.atomic
def finish_run(
    *,
    by: User | None,
    run: HarvestRun,
    outcome: str,
    at: datetime,
    counts: Counts | None = None,
    errors: Sequence[str] = (),
) -> HarvestRun:
    run.outcome, run.finished_at, run.errors = outcome, at, list(errors)[:50]
    if counts is not None:
        for name, value in counts.as_dict().items():
            setattr(run, name, value)
    run.save()
    details: dict[str, Any] = {"outcome": outcome, **(counts.as_dict() if counts else {})}
    record_event(by=by, action=AuditAction.HARVEST_FINISHED, obj=run, details=details)
    return run


@transaction.atomic
def apply_harvest(
    *, by: User | None, source: HarvestSource, records: Sequence[HarvestRecord], at: datetime
) -> Counts:
    """Create, update, leave alone or withdraw: everything in one transaction."""
    counts = Counts(seen=len(records))
    known = {
        h.remote_id: h
        for h in HarvestedService.objects.filter(source=source).select_related("service")
    }
    touched: list[int] = []
    new: list[HarvestRecord] = []
    for record in records:
        counts.warnings += record.warnings
        existing = known.get(record.remote_id)
        if existing is None:
            new.append(record)
            counts.created += 1
        elif existing.fingerprint == record.fingerprint and not existing.withdrawn:
            touched.append(existing.pk)
            counts.unchanged += 1
        else:
            _update(by=by, harvested=existing, record=record)
            touched.append(existing.pk)
            counts.updated += 1
    create_harvested(by=by, source=source, records=new, at=at)
    HarvestedService.objects.filter(pk__in=touched).update(last_seen=at)
    in_feed = {r.remote_id for r in records}
    for remote_id, harvested in known.items():
        if remote_id not in in_feed and not harvested.withdrawn:
            withdraw(by=by, harvested=harvested, at=at)
            counts.withdrawn += 1
    record_event(by=by, action=AuditAction.HARVEST_APPLIED, obj=source, details=counts.as_dict())
    return counts


@transaction.atomic
def withdraw(*, by: User | None, harvested: HarvestedService, at: datetime) -> None:
    """Gone from its feed: inactive (so not public) and flagged, never deleted; the schools
    whose Offers show it are told."""
    before = facts_of(harvested.service)
    set_service_status(by=by, service=harvested.service, status=ServiceStatus.INACTIVE)
    tell_schools(service=harvested.service, before=before, by_name=FEED_NAME)
    harvested.withdrawn_at = at
    harvested.save(update_fields=["withdrawn_at"])
    record_event(by=by, action=AuditAction.HARVEST_SERVICE_WITHDRAWN, obj=harvested.service)


@transaction.atomic
def create_harvested(
    *, by: User | None, source: HarvestSource, records: Sequence[HarvestRecord], at: datetime
) -> None:
    """The feed's new services, in batched writes (`directory.bulk`): their locations, other
    publishers' terms and where they came from. One audit event for the services and one
    (`harvest.applied`) for the harvest; taxonomies and terms new to the directory get
    their own."""
    if not records:
        return
    local_authority = source.local_authority
    scope = Scope.LOCAL if local_authority is not None else Scope.NATIONAL
    services = create_services(
        by=by,
        items=[NewService(r.data, scope, local_authority) for r in records],
        reason=f"harvest of {source.name}",
    )
    pairs = list(zip(services, records, strict=True))
    _bulk_locations(pairs)
    _bulk_terms(by, pairs)
    HarvestedService.objects.bulk_create(
        [
            HarvestedService(
                source=source,
                remote_id=record.remote_id,
                service=service,
                fingerprint=record.fingerprint,
                first_seen=at,
                last_seen=at,
            )
            for service, record in pairs
        ],
        batch_size=BATCH,
    )


def _bulk_locations(pairs: Sequence[tuple[Service, HarvestRecord]]) -> None:
    locations: list[Location] = []
    addresses: list[Address] = []
    links: list[ServiceAtLocation] = []
    for service, record in pairs:
        for data in record.locations:
            location = _location(service, data)
            location.full_clean(exclude=["organization"], validate_unique=False)
            locations.append(location)
            for values in data.addresses:
                address = Address(location=location, **vars(values))
                address.full_clean(exclude=["location"], validate_unique=False)
                addresses.append(address)
            links.append(ServiceAtLocation(service=service, location=location))
    # Validated (issue 11): each record passed the ORUK schema (oruk.schemas.errors) and each
    # row its full_clean above, before any of these writes.
    Location.objects.bulk_create(locations, batch_size=BATCH)
    Address.objects.bulk_create(addresses, batch_size=BATCH)
    ServiceAtLocation.objects.bulk_create(links, batch_size=BATCH)


def _location(service: Service, data: LocationData) -> Location:
    return Location(
        organization=service.organization,
        location_type=data.location_type,
        name=data.name,
        description=data.description,
        latitude=data.latitude,
        longitude=data.longitude,
    )


def _bulk_terms(by: User | None, pairs: Sequence[tuple[Service, HarvestRecord]]) -> None:
    """Other publishers' terms: each new taxonomy and term created once, then every link."""
    terms: dict[tuple[str, str], TaxonomyTerm] = {}
    attributes: list[Attribute] = []
    for service, record in pairs:
        linked: set[int] = set()
        for data in record.other_terms:
            key = (data.taxonomy, data.code)
            if key not in terms:
                terms[key] = _term(by=by, data=data)
            term = terms[key]
            if term.pk not in linked:
                linked.add(term.pk)
                attributes.append(
                    Attribute(service=service, taxonomy_term=term, link_type=data.taxonomy[:50])
                )
    Attribute.objects.bulk_create(attributes, batch_size=BATCH)


def _update(*, by: User | None, harvested: HarvestedService, record: HarvestRecord) -> None:
    before = facts_of(harvested.service)
    service = update_service(by=by, service=harvested.service, data=record.data)
    _write_extras(by=by, service=service, record=record)
    tell_schools(service=service, before=before, by_name=FEED_NAME)
    harvested.fingerprint = record.fingerprint
    harvested.withdrawn_at = None
    harvested.save(update_fields=["fingerprint", "withdrawn_at"])


def _write_extras(*, by: User | None, service: Service, record: HarvestRecord) -> None:
    set_locations(by=by, service=service, locations=record.locations)
    if record.other_terms:
        add_terms(by=by, service=service, terms=record.other_terms)
        index_service(service)  # the directory's action indexed it before these terms


@transaction.atomic
def set_locations(*, by: User | None, service: Service, locations: Sequence[LocationData]) -> None:
    """Replace where the service is given; locations left serving nothing are removed."""
    old = list(service.service_at_locations.values_list("location_id", flat=True))
    if not old and not locations:
        return
    ServiceAtLocation.objects.filter(service=service).delete()
    Location.objects.filter(pk__in=old, service_at_locations__isnull=True).delete()
    for data in locations:
        location = Location(
            organization=service.organization,
            location_type=data.location_type,
            name=data.name,
            description=data.description,
            latitude=data.latitude,
            longitude=data.longitude,
        )
        location.full_clean(validate_unique=False)
        location.save()
        addresses = [Address(location=location, **vars(a)) for a in data.addresses]
        for address in addresses:
            address.full_clean(validate_unique=False)
        Address.objects.bulk_create(addresses)
        ServiceAtLocation.objects.create(service=service, location=location)
    record_event(
        by=by,
        action=AuditAction.SERVICE_LOCATIONS_SET,
        obj=service,
        details={"locations": len(locations)},
    )


@transaction.atomic
def add_terms(*, by: User | None, service: Service, terms: Sequence[TermData]) -> None:
    """Link terms of other publishers' taxonomies, creating the taxonomy and term if new."""
    for data in terms:
        term = _term(by=by, data=data)
        Attribute.objects.get_or_create(
            service=service, taxonomy_term=term, defaults={"link_type": data.taxonomy[:50]}
        )


def _term(*, by: User | None, data: TermData) -> TaxonomyTerm:
    """The term of another publisher's taxonomy, created (with its taxonomy) if new."""
    taxonomy = Taxonomy.objects.filter(name=data.taxonomy).first()
    if taxonomy is None:
        taxonomy = Taxonomy.objects.create(name=data.taxonomy)
        record_event(by=by, action=AuditAction.TAXONOMY_CREATED, obj=taxonomy)
    term = TaxonomyTerm.objects.filter(taxonomy=taxonomy, code=data.code).first()
    if term is None:
        term = TaxonomyTerm(
            taxonomy=taxonomy,
            code=data.code,
            name=data.name or data.code,
            description=data.description,
            term_uri=data.term_uri,
        )
        term.full_clean(validate_unique=False)
        term.save()
        record_event(by=by, action=AuditAction.TAXONOMY_TERM_CREATED, obj=term)
    return term
