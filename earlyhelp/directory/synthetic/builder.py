"""Write a synthetic county-scale directory quickly.

Councils and schools go through their actions (`open_school`: the `synth` command passes
`create_school_with_offer`, so each school has its Offer, and each has its audit trail); the
services and everything under them are bulk-inserted in batches, with their search text
composed as `index_service` would, and the search index is compacted at the end. One audit
event records the run.
"""

import random
import time as clock
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from earlyhelp.audit.events import record_event
from earlyhelp.audit.names import AuditAction
from earlyhelp.directory.models import Organization, Scope, Service, TaxonomyTerm
from earlyhelp.directory.search import compose_search_text
from earlyhelp.directory.search.facets import facet_words
from earlyhelp.directory.search.hours import opening_words
from earlyhelp.directory.search.schema import bulk_load, compact_index
from earlyhelp.directory.synthetic import phones, vocabulary
from earlyhelp.directory.synthetic.rows import ServiceRows
from earlyhelp.directory.synthetic.specs import ServiceSpec, draw_service
from earlyhelp.lib.errors import ActionError
from earlyhelp.schools.actions import SchoolDetails, create_local_authority, create_school
from earlyhelp.schools.models import LocalAuthority, School

SYNTHETIC_SUFFIX = " (synthetic)"
BATCH = 2000

Progress = Callable[[str], None]


class OpenSchool(Protocol):
    """How a school is made: `schools.actions.create_school`, or an action above it."""

    def __call__(
        self, *, by: None, local_authority: LocalAuthority, details: SchoolDetails
    ) -> School: ...


@dataclass
class Owners:
    """Who can keep a synthetic service, and the organisations that run them."""

    authorities: list[LocalAuthority]
    schools: list[School]
    local_orgs: dict[int, list[Organization]] = field(default_factory=dict)
    national_orgs: list[Organization] = field(default_factory=list)
    school_orgs: dict[int, Organization] = field(default_factory=dict)


def synthesise(
    *,
    services: int,
    schools: int,
    seed: int,
    progress: Progress,
    open_school: OpenSchool = create_school,
) -> dict[str, int]:
    if LocalAuthority.objects.filter(name__endswith=SYNTHETIC_SUFFIX).exists():
        raise ActionError("Synthetic data is already loaded. Start again from an empty database.")
    rng = random.Random(seed)  # noqa: S311 - repeatable made-up data, not secrets # nosec B311
    started = clock.monotonic()
    _roomy_cache()
    owners = Owners(_authorities(rng, schools), [])
    progress(f"Local authorities: {len(owners.authorities)}")
    owners.schools = _schools(rng, owners.authorities, schools, progress, open_school)
    _organisations(rng, owners, services)
    progress(f"Organisations: {Organization.objects.count()}")
    with bulk_load():
        made = _services(rng, owners, services, progress)
    progress("Compacting the search index")
    compact_index()
    _record(services=made, schools=len(owners.schools), seed=seed)
    progress(f"Done in {clock.monotonic() - started:.1f}s")
    return {"services": made, "schools": len(owners.schools)}


def _roomy_cache() -> None:
    """SQLite's default 2 MB page cache makes inserts into large indexes crawl."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")  # KiB: 256 MB for this connection


def _authorities(rng: random.Random, schools: int) -> list[LocalAuthority]:
    count = max(2, min(len(vocabulary.COUNCILS), schools // 60 or 2))
    return [
        create_local_authority(
            by=None,
            name=f"{name}{SYNTHETIC_SUFFIX}",
            front_door_name="Children's Front Door",
            front_door_phone=phones.landline(rng),
            out_of_hours_phone=phones.landline(rng),
        )
        for name in vocabulary.COUNCILS[:count]
    ]


def _schools(
    rng: random.Random,
    authorities: list[LocalAuthority],
    count: int,
    progress: Progress,
    open_school: OpenSchool,
) -> list[School]:
    names: dict[str, str] = {}
    while len(names) < count:
        kind, phase = rng.choice(vocabulary.SCHOOL_KINDS)
        quarter = rng.choice(vocabulary.SCHOOL_QUARTERS)
        name = " ".join(p for p in (rng.choice(vocabulary.PLACES), quarter, kind) if p)
        names.setdefault(name, phase)
    made = []
    for index, (name, phase) in enumerate(names.items(), start=1):
        details = SchoolDetails(name=name, phase=phase, phone=phones.landline(rng))
        made.append(open_school(by=None, local_authority=rng.choice(authorities), details=details))
        if index % 100 == 0 or index == count:
            progress(f"Schools: {index}/{count}")
    return made


def _organisations(rng: random.Random, owners: Owners, services: int) -> None:
    per_authority = max(5, services // 40 // len(owners.authorities))
    for authority in owners.authorities:
        names = {
            f"{rng.choice(vocabulary.PLACES)} {rng.choice(vocabulary.ORGANISATION_KINDS)}"
            for _ in range(per_authority)
        }
        owners.local_orgs[authority.pk] = _bulk_organisations(sorted(names))
    owners.national_orgs = _bulk_organisations(list(vocabulary.NATIONAL_ORGANISATIONS))
    school_orgs = _bulk_organisations([s.name for s in owners.schools])
    owners.school_orgs = {s.pk: o for s, o in zip(owners.schools, school_orgs, strict=True)}


def _bulk_organisations(names: list[str]) -> list[Organization]:
    return Organization.objects.bulk_create(
        Organization(name=name, website=f"https://{slugify(name)}.example.org") for name in names
    )


def _services(rng: random.Random, owners: Owners, total: int, progress: Progress) -> int:
    terms = {
        (t.taxonomy.name, t.code): t.pk for t in TaxonomyTerm.objects.select_related("taxonomy")
    }
    today = timezone.localdate()
    school_share = min(0.15, 10 * len(owners.schools) / max(total, 1))
    done = 0
    while done < total:
        size = min(BATCH, total - done)
        with transaction.atomic():
            _batch(rng, owners, terms, today, size, school_share)
        done += size
        progress(f"Services: {done}/{total}")
    return done


def _batch(
    rng: random.Random,
    owners: Owners,
    terms: dict[tuple[str, str], int],
    today: date,
    size: int,
    school_share: float,
) -> None:
    drawn = [_draw(rng, owners, today, school_share) for _ in range(size)]
    saved = Service.objects.bulk_create([service for service, _ in drawn])
    rows = ServiceRows(terms, rng)
    for service, (_, spec) in zip(saved, drawn, strict=True):
        rows.add(service, spec)
    rows.save()


def _draw(
    rng: random.Random, owners: Owners, today: date, school_share: float
) -> tuple[Service, ServiceSpec]:
    roll = rng.random()
    service = Service()
    if roll < 0.08:
        service.scope, organization = Scope.NATIONAL, rng.choice(owners.national_orgs)
        area = "England"
    elif roll < 0.08 + school_share:
        school = rng.choice(owners.schools)
        service.scope, service.owner_school = Scope.SCHOOL, school
        organization, area = owners.school_orgs[school.pk], school.name
    else:
        authority = rng.choice(owners.authorities)
        service.scope, service.owner_local_authority = Scope.LOCAL, authority
        organization = rng.choice(owners.local_orgs[authority.pk])
        area = authority.name.removesuffix(SYNTHETIC_SUFFIX)
    spec = draw_service(rng, place=rng.choice(vocabulary.PLACES), area=area, today=today)
    _fill(service, organization, spec)
    return service, spec


def _fill(service: Service, organization: Organization, spec: ServiceSpec) -> None:
    service.organization = organization
    service.name = spec.name
    service.description = spec.description
    service.status = spec.status
    service.minimum_age, service.maximum_age = spec.minimum_age, spec.maximum_age
    service.application_process = spec.application_process
    service.eligibility_description = spec.eligibility
    service.fees_description = spec.fees
    service.assured_date = spec.assured_date
    service.url = organization.website
    if spec.with_email:
        service.email = f"hello@{slugify(organization.name)}.example.org"
    service.search_text = compose_search_text(
        organization=organization.name,
        topic_codes=spec.topics,
        description=spec.description,
        eligibility=spec.eligibility,
        areas=[spec.area],
        languages=spec.languages,
        facets=[
            *facet_words(spec.terms(), free=spec.free is True),
            *opening_words(spec.schedules),
        ],
    )


@transaction.atomic
def _record(*, services: int, schools: int, seed: int) -> None:
    record_event(
        by=None,
        action=AuditAction.DIRECTORY_SYNTHESISED,
        details={"services": services, "schools": schools, "seed": seed},
    )
