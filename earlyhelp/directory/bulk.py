"""Many new services in a few statements: the write behind a harvest of a whole feed.

`create_services` does for each item what `actions.create_service` does (the same rows, the
same checks of every field, the directory's own terms linked, the search text written) but
writes each kind of row in batched INSERTs instead of some twenty statements a service, and
records one audit event for the lot, with its counts. Every row is checked before the first
is written, and it all happens in one transaction: nothing half-saved.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.db.models.functions import Lower
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory import taxonomies
from earlyhelp.directory.actions import SERVICE_FIELDS, child_rows, wanted_terms
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import (
    Attribute,
    Organization,
    Scope,
    Service,
    TaxonomyTerm,
)
from earlyhelp.directory.search import compose_search_text
from earlyhelp.directory.search.facets import facet_words
from earlyhelp.directory.search.hours import opening_words
from earlyhelp.directory.search.understand import context
from earlyhelp.lib.errors import ActionError
from earlyhelp.schools.models import LocalAuthority

# Audit events written here (one place, for the audit-event enumeration).

BATCH = 500
# Foreign keys to rows this module has just read or written: not looked up again per row.
KNOWN_KEYS = ["organization", "owner_school", "owner_local_authority", "service"]


class UnknownTerms(ActionError):
    """A service names a term that the directory's taxonomies do not have."""


@dataclass(frozen=True)
class NewService:
    data: ServiceData
    scope: Scope
    owner_local_authority: LocalAuthority | None = None


@transaction.atomic
def create_services(
    *, by: User | None, items: Sequence[NewService], reason: str = ""
) -> list[Service]:
    """Create every item's service, in the order given; one audit event for them all."""
    if not items:
        return []
    organizations, new_organizations = _organizations({i.data.organization_name for i in items})
    terms = _terms(item.data for item in items)
    services = [_service(item, organizations, terms) for item in items]
    children: dict[type[Model], list[Any]] = {}
    for service, item in zip(services, items, strict=True):
        for group in child_rows(service, item.data):
            for row in group:
                row.full_clean(
                    exclude=KNOWN_KEYS, validate_unique=False, validate_constraints=False
                )
                children.setdefault(type(row), []).append(row)
        children.setdefault(Attribute, []).extend(_attributes(service, item.data, terms))
    # Issue 11 (every action validates its models): bulk_create skips save(), so every row
    # was checked above (full_clean on each service and child row); a harvest's records were
    # also validated against the ORUK schema before they got here (oruk.schemas.errors).
    Organization.objects.bulk_create(new_organizations, batch_size=BATCH)
    Service.objects.bulk_create(services, batch_size=BATCH)
    for model, rows in children.items():
        model._default_manager.bulk_create(rows, batch_size=BATCH)
    record_event(
        by=by,
        action=AuditAction.DIRECTORY_SERVICES_CREATED,
        details={
            "services": len(services),
            "organizations": len(new_organizations),
            "reason": reason,
        },
    )
    context.forget()  # the directory's words have changed
    return services


def _organizations(names: Iterable[str]) -> tuple[dict[str, Organization], list[Organization]]:
    """Each name's organisation (found without regard to case), and the ones to create."""
    wanted = {name.strip().lower(): name.strip() for name in names}
    found: dict[str, Organization] = {}
    existing = Organization.objects.annotate(lowered=Lower("name"))
    for known in existing.filter(lowered__in=list(wanted)).order_by("id"):
        found.setdefault(known.name.lower(), known)
    new: list[Organization] = []
    for key, name in wanted.items():
        if key not in found:
            created = Organization(name=name)
            created.full_clean(validate_unique=False, validate_constraints=False)
            found[key] = created
            new.append(created)
    return found, new


def _terms(datas: Iterable[ServiceData]) -> dict[tuple[str, str], TaxonomyTerm]:
    """The directory's own terms the services name; unknown ones refuse them all."""
    wanted = {
        (t, code) for data in datas for t, codes in wanted_terms(data).items() for code in codes
    }
    found = {
        (term.taxonomy.name, term.code): term
        for term in TaxonomyTerm.objects.filter(
            taxonomy__name__in={t for t, _ in wanted}, code__in={c for _, c in wanted}
        ).select_related("taxonomy")
    }
    missing = sorted(f"{taxonomy} {code}" for taxonomy, code in wanted - set(found))
    if missing:
        raise UnknownTerms(f"Unknown terms: {', '.join(missing[:10])}")
    return found


def _service(
    item: NewService,
    organizations: dict[str, Organization],
    terms: dict[tuple[str, str], TaxonomyTerm],
) -> Service:
    data = item.data
    service = Service(scope=item.scope, owner_local_authority=item.owner_local_authority)
    service.organization = organizations[data.organization_name.strip().lower()]
    for name in SERVICE_FIELDS:
        setattr(service, name, getattr(data, name))
    if service.assured_date is None:
        service.assured_date = timezone.localdate()
    service.search_text = search_text(data, service.organization.name, terms)
    service.full_clean(exclude=KNOWN_KEYS, validate_unique=False, validate_constraints=False)
    return service


def _attributes(
    service: Service, data: ServiceData, terms: dict[tuple[str, str], TaxonomyTerm]
) -> list[Attribute]:
    return [
        Attribute(service=service, taxonomy_term=terms[taxonomy, code], link_type=taxonomy)
        for taxonomy, codes in wanted_terms(data).items()
        for code in dict.fromkeys(codes)
    ]


def search_text(
    data: ServiceData, organization: str, terms: dict[tuple[str, str], TaxonomyTerm]
) -> str:
    """What `index_service` writes for this service once saved (terms in the same order)."""
    linked = sorted(
        {terms[t, code] for t, codes in wanted_terms(data).items() for code in codes},
        key=lambda term: (term.taxonomy_id, term.position, term.name),
    )
    pairs = [(term.taxonomy.name, term.code) for term in linked]
    weekly = [(s.byday, s.opens_at, s.closes_at) for s in data.schedules]
    return compose_search_text(
        organization=organization,
        topic_codes=[code for taxonomy, code in pairs if taxonomy == taxonomies.TOPIC],
        description=data.description,
        eligibility=data.eligibility_description,
        areas=data.service_areas,
        languages=data.languages,
        facets=[*facet_words(pairs, free=data.free is True), *opening_words(weekly)],
    )
