"""Writes to the directory. Every write keeps the search text and records an audit event."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from earlyhelp.accounts.models import User
from earlyhelp.audit.events import record_event
from earlyhelp.core.errors import ActionError
from earlyhelp.directory import taxonomies
from earlyhelp.directory.data import ServiceData
from earlyhelp.directory.models import (
    Attribute,
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
from earlyhelp.schools.models import LocalAuthority, School


@transaction.atomic
def get_or_create_organization(*, by: User | None, name: str, website: str = "") -> Organization:
    existing = Organization.objects.filter(name__iexact=name.strip()).first()
    if existing is not None:
        return existing
    organization = Organization(name=name.strip(), website=website)
    organization.full_clean()
    organization.save()
    record_event(by=by, action="organization.created", obj=organization)
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
        action="service.created",
        obj=service,
        school_id=owner_school.pk if owner_school else None,
    )
    return service


@transaction.atomic
def update_service(*, by: User | None, service: Service, data: ServiceData) -> Service:
    _write_service(service, data, by=by)
    record_event(by=by, action="service.updated", obj=service, school_id=service.owner_school_id)
    return service


@transaction.atomic
def set_service_status(*, by: User | None, service: Service, status: str) -> Service:
    service.status = status
    service.full_clean()
    service.save(update_fields=["status", "last_modified"])
    record_event(
        by=by,
        action="service.status_changed",
        obj=service,
        school_id=service.owner_school_id,
        details={"status": status},
    )
    return service


def _write_service(service: Service, data: ServiceData, *, by: User | None) -> None:
    service.organization = get_or_create_organization(by=by, name=data.organization_name)
    for name in (
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
    ):
        setattr(service, name, getattr(data, name))
    if service.assured_date is None:
        service.assured_date = timezone.localdate()
    service.full_clean()
    service.save()
    _replace_children(service, data)
    _replace_terms(service, data)
    index_service(service)


def _replace_children(service: Service, data: ServiceData) -> None:
    service.phones.all().delete()
    service.contacts.all().delete()
    service.additional_urls.all().delete()
    service.schedules.all().delete()
    service.cost_options.all().delete()
    service.service_areas.all().delete()
    service.languages.all().delete()
    for phone in data.phones:
        _saved(
            Phone(
                service=service, number=phone.number, type=phone.type, description=phone.description
            )
        )
    for email in data.emails:
        _saved(Contact(service=service, email=email))
    for url in data.additional_urls:
        _saved(Url(service=service, url=url))
    for schedule in data.schedules:
        _saved(
            Schedule(
                service=service,
                byday=schedule.byday,
                opens_at=schedule.opens_at,
                closes_at=schedule.closes_at,
                description=schedule.description,
            )
        )
    if data.free is not None:
        amount = Decimal(0) if data.free else None
        _saved(
            CostOption(
                service=service,
                option="Free" if data.free else "Charges apply",
                amount=amount,
                amount_description=data.fees_description[:300],
            )
        )
    for area in data.service_areas:
        _saved(ServiceArea(service=service, name=area))
    for language in data.languages:
        _saved(Language(service=service, name=language))


def _saved(obj: Phone | Contact | Url | Schedule | CostOption | ServiceArea | Language) -> None:
    obj.full_clean()
    obj.save()


def _replace_terms(service: Service, data: ServiceData) -> None:
    wanted = {
        taxonomies.TOPIC: data.topics,
        taxonomies.LEVEL_OF_NEED: tuple(f"level-{level}" for level in data.levels),
        taxonomies.REFERRAL_ROUTE: data.referral_routes,
        taxonomies.DELIVERY: data.delivery,
        taxonomies.FEATURE: data.features,
    }
    service.attributes.all().delete()
    for taxonomy, codes in wanted.items():
        terms = {
            t.code: t for t in TaxonomyTerm.objects.filter(taxonomy__name=taxonomy, code__in=codes)
        }
        missing = set(codes) - set(terms)
        if missing:
            raise ActionError(f"Unknown {taxonomy} terms: {', '.join(sorted(missing))}")
        Attribute.objects.bulk_create(
            Attribute(service=service, taxonomy_term=terms[code], link_type=taxonomy)
            for code in dict.fromkeys(codes)
        )
