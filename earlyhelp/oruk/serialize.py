"""Directory rows as Open Referral UK 3.0 JSON.

Shapes follow the UK profile's schemas (`schema/`); optional fields are left out rather than
sent empty or null. A few HSDS 3.0 fields that the UK profile does not list are added, as
HSDS allows: `phones` on a service and on a contact, `email` on a contact, `name` and `code`
on a language, `eligibility_description`, `application_process`, `additional_urls` and
`code` on a taxonomy term (so that a consumer can tell our own terms apart).
"""

from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from earlyhelp.directory.models import (
    Address,
    Attribute,
    Contact,
    CostOption,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
    Url,
)

Json = dict[str, Any]


def _clean(values: Json) -> Json:
    """Leave out what is not known: None, empty text and empty lists."""
    return {k: v for k, v in values.items() if v is not None and v != "" and v != []}


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _time(value: time | None) -> str | None:
    return value.strftime("%H:%M:%S") if value is not None else None


def _datetime(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def organization(org: Organization) -> Json:
    values = _clean(
        {
            "id": str(org.hsds_id),
            "name": org.name,
            "email": org.email,
            "website": org.website,
            "uri": org.uri,
        }
    )
    values["description"] = org.description  # required by the profile, even when empty
    return values


def service_summary(service: Service) -> Json:
    """The one-to-one fields of a service and its organization (a page of `/services`)."""
    return _clean(
        {
            "id": str(service.hsds_id),
            "organization_id": str(service.organization.hsds_id),
            "name": service.name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "fees": service.fees_description,
            "accreditations": service.accreditations,
            "eligibility_description": service.eligibility_description,
            "application_process": service.application_process,
            "minimum_age": _number(service.minimum_age),
            "maximum_age": _number(service.maximum_age),
            "assured_date": _date(service.assured_date),
            "assurer_email": service.assurer_email,
            "alert": service.alert,
            "last_modified": _datetime(service.last_modified),
            "organization": organization(service.organization),
        }
    )


def service_full(service: Service, *, with_locations: bool = True) -> Json:
    """A fully nested service (`/services/{id}`). Needs `queries.full_services` prefetches."""
    service_id = str(service.hsds_id)
    nested: Json = {
        "schedules": [schedule(s, service_id) for s in service.schedules.all()],
        "service_areas": [service_area(a, service_id) for a in service.service_areas.all()],
        "languages": [language(x, service_id) for x in service.languages.all()],
        "cost_options": [cost_option(c, service_id) for c in service.cost_options.all()],
        "contacts": [contact(c, service_id) for c in service.contacts.all()],
        "phones": [phone(p) for p in service.phones.all() if p.contact_id is None],
        "attributes": [attribute(a, service_id) for a in service.attributes.all()],
        "additional_urls": [url(u) for u in service.additional_urls.all()],
    }
    if with_locations:
        nested["service_at_locations"] = [
            service_at_location(sal, service_id) for sal in service.service_at_locations.all()
        ]
    return service_summary(service) | _clean(nested)


def schedule(row: Schedule, service_id: str) -> Json:
    return _clean(
        {
            "id": str(row.hsds_id),
            "service_id": service_id,
            "valid_from": _date(row.valid_from),
            "valid_to": _date(row.valid_to),
            "dtstart": _date(row.dtstart),
            "freq": row.freq,
            "interval": row.interval,
            "byday": row.byday,
            "description": row.description,
            "opens_at": _time(row.opens_at),
            "closes_at": _time(row.closes_at),
            "attending_type": row.attending_type,
            "notes": row.notes,
        }
    )


def service_area(row: ServiceArea, service_id: str) -> Json:
    return _clean(
        {
            "id": str(row.hsds_id),
            "service_id": service_id,
            "name": row.name,
            "description": row.description,
            "extent": row.extent,
            "extent_type": row.extent_type,
            "uri": row.uri,
        }
    )


def language(row: Language, service_id: str) -> Json:
    return _clean(
        {
            "id": str(row.hsds_id),
            "service_id": service_id,
            "name": row.name,
            "code": row.code,
            "note": row.note,
        }
    )


def cost_option(row: CostOption, service_id: str) -> Json:
    return _clean(
        {
            "id": str(row.hsds_id),
            "service_id": service_id,
            "valid_from": _date(row.valid_from),
            "valid_to": _date(row.valid_to),
            "option": row.option,
            "currency": row.currency,
            "amount": _number(row.amount),
            "amount_description": row.amount_description,
        }
    )


def contact(row: Contact, service_id: str) -> Json:
    return _clean(
        {
            "id": str(row.hsds_id),
            "service_id": service_id,
            "name": row.name,
            "title": row.title,
            "department": row.department,
            "email": row.email,
            "phones": [phone(p) for p in row.phones.all()],
        }
    )


def phone(row: Phone) -> Json:
    return _clean(
        {
            "id": str(row.hsds_id),
            "number": row.number,
            "type": row.type,
            "description": row.description,
        }
    )


def url(row: Url) -> Json:
    return _clean({"id": str(row.hsds_id), "title": row.label, "url": row.url})


def attribute(row: Attribute, link_id: str) -> Json:
    term = row.taxonomy_term
    return _clean(
        {
            "id": str(row.hsds_id),
            "link_id": link_id,
            "link_type": row.link_type,
            "link_entity": "service",
            "value": row.value,
            "taxonomy_term_id": str(term.hsds_id),
            "taxonomy_term": taxonomy_term(term),
        }
    )


def taxonomy_term(term: TaxonomyTerm) -> Json:
    """Needs `taxonomy` and `parent` loaded (select_related)."""
    values = _clean(
        {
            "id": str(term.hsds_id),
            "name": term.name,
            "code": term.code,
            "parent_id": str(term.parent.hsds_id) if term.parent is not None else None,
            "taxonomy": term.taxonomy.name,
            "taxonomy_id": str(term.taxonomy.hsds_id),
            "term_uri": term.term_uri,
        }
    )
    values["description"] = term.description
    return values


def taxonomy(row: Taxonomy, terms: Iterable[TaxonomyTerm] | None = None) -> Json:
    values = _clean(
        {
            "id": str(row.hsds_id),
            "name": row.name,
            "uri": row.uri,
            "version": row.version,
        }
    )
    values["description"] = row.description
    if terms is not None:
        values["taxonomy_terms"] = [taxonomy_term(t) for t in terms]
    return values


def location(row: Location, *, nested: bool = True) -> Json:
    values = _clean(
        {
            "id": str(row.hsds_id),
            "location_type": row.location_type,
            "name": row.name,
            "description": row.description,
            "url": row.url,
            "transportation": row.transportation,
            "latitude": _number(row.latitude),
            "longitude": _number(row.longitude),
        }
    )
    if nested:
        location_id = values["id"]
        values |= _clean({"addresses": [address(a, location_id) for a in row.addresses.all()]})
    return values


def address(row: Address, location_id: str) -> Json:
    values = _clean(
        {
            "id": str(row.hsds_id),
            "location_id": location_id,
            "attention": row.attention,
            "address_2": row.address_2,
            "region": row.region,
        }
    )
    # Required by the profile: present even when we do not hold them.
    return values | {
        "address_1": row.address_1,
        "city": row.city,
        "state_province": row.state_province,
        "postal_code": row.postal_code,
        "country": row.country,
        "address_type": row.address_type,
    }


def service_at_location(row: ServiceAtLocation, service_id: str) -> Json:
    return _clean(
        {
            "id": str(row.hsds_id),
            "service_id": service_id,
            "location_id": str(row.location.hsds_id),
            "description": row.description,
            "location": location(row.location),
        }
    )


def service_at_location_summary(row: ServiceAtLocation) -> Json:
    return _clean(
        {
            "id": str(row.hsds_id),
            "service_id": str(row.service.hsds_id),
            "location_id": str(row.location.hsds_id),
            "description": row.description,
            "location": location(row.location, nested=False),
            "service": service_summary(row.service),
        }
    )


def service_at_location_full(row: ServiceAtLocation) -> Json:
    return _clean(
        {
            "id": str(row.hsds_id),
            "service_id": str(row.service.hsds_id),
            "location_id": str(row.location.hsds_id),
            "description": row.description,
            "location": location(row.location),
            "service": service_full(row.service, with_locations=False),
        }
    )
