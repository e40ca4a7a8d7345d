"""The document's values as the directory stores them: invalid ones are left out, not fatal.

The importer has normalised phones, emails and web addresses already; these checks are the
database's own validators, so that one odd value cannot stop a whole import being saved.
"""

from dataclasses import replace
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from earlyhelp.directory import taxonomies
from earlyhelp.directory.data import PhoneData, ScheduleData, ServiceData
from earlyhelp.directory.models import Service
from earlyhelp.lib.validators import validate_stored_phone

MAX_URL = 500
TOPIC_CODES = frozenset(term.code for term in taxonomies.TOPICS)


def _passes(validator: Any, value: str) -> bool:
    try:
        validator(value)
    except ValidationError:
        return False
    return True


def phones(values: list[str]) -> list[str]:
    return [v for v in dict.fromkeys(values) if _passes(validate_stored_phone, v)]


def emails(values: list[str]) -> list[str]:
    checked = (v.lower() for v in values if len(v) <= 254)
    return [v for v in dict.fromkeys(checked) if _passes(EmailValidator(), v)]


def urls(values: list[str]) -> list[str]:
    fits = (v for v in values if len(v) <= MAX_URL)
    return [v for v in dict.fromkeys(fits) if _passes(URLValidator(), v)]


def document_contacts(document: dict[str, Any]) -> dict[str, list[str]]:
    return {
        "phones": phones(document.get("phones", [])),
        "emails": emails(document.get("emails", [])),
        "urls": urls(document.get("urls", [])),
    }


def new_service_data(name: str, document: dict[str, Any]) -> ServiceData:
    """A school's own service as the document describes it."""
    found = document_contacts(document)
    name = name.strip()[:300] or "Unnamed service"
    return ServiceData(
        name=name,
        organization_name=name,
        url=found["urls"][0] if found["urls"] else "",
        additional_urls=tuple(found["urls"][1:]),
        email=found["emails"][0] if found["emails"] else "",
        emails=tuple(found["emails"][1:]),
        phones=tuple(PhoneData(number) for number in found["phones"]),
        topics=tuple(t for t in document.get("topics", []) if t in TOPIC_CODES),
    )


def stored_service_data(service: Service) -> ServiceData:
    """Everything a stored service holds, to write it back with a few fields changed."""
    codes: dict[str, list[str]] = {}
    for term in service.terms.select_related("taxonomy").order_by("position", "name"):
        codes.setdefault(term.taxonomy.name, []).append(term.code)
    cost = service.cost_options.first()
    return ServiceData(
        name=service.name,
        organization_name=service.organization.name,
        description=service.description,
        url=service.url,
        email=service.email,
        status=service.status,
        minimum_age=service.minimum_age,
        maximum_age=service.maximum_age,
        application_process=service.application_process,
        eligibility_description=service.eligibility_description,
        fees_description=service.fees_description,
        free=None if cost is None else cost.amount == 0,
        assured_date=service.assured_date,
        phones=tuple(
            PhoneData(p.number, p.type, p.description) for p in service.phones.order_by("id")
        ),
        emails=tuple(c.email for c in service.contacts.order_by("id") if c.email),
        additional_urls=tuple(u.url for u in service.additional_urls.order_by("id")),
        topics=tuple(codes.get(taxonomies.TOPIC, [])),
        levels=tuple(
            int(code.removeprefix("level-")) for code in codes.get(taxonomies.LEVEL_OF_NEED, [])
        ),
        referral_routes=tuple(codes.get(taxonomies.REFERRAL_ROUTE, [])),
        delivery=tuple(codes.get(taxonomies.DELIVERY, [])),
        features=tuple(codes.get(taxonomies.FEATURE, [])),
        schedules=tuple(
            ScheduleData(s.byday, s.opens_at, s.closes_at, s.description)
            for s in service.schedules.order_by("id")
            if s.opens_at is not None and s.closes_at is not None
        ),
        service_areas=tuple(a.name for a in service.service_areas.all()),
        languages=tuple(lang.name for lang in service.languages.all()),
    )


def with_document_values(
    data: ServiceData, fields: set[str], name: str, document: dict[str, Any]
) -> ServiceData:
    """`data` with the chosen fields (phone, email, url, name) taken from the document."""
    found = document_contacts(document)
    changes: dict[str, Any] = {}
    if "phone" in fields:
        changes["phones"] = tuple(PhoneData(number) for number in found["phones"])
    if "email" in fields and found["emails"]:
        changes.update(email=found["emails"][0], emails=tuple(found["emails"][1:]))
    if "url" in fields and found["urls"]:
        changes.update(url=found["urls"][0], additional_urls=tuple(found["urls"][1:]))
    if "name" in fields and name.strip():
        changes["name"] = name.strip()[:300]
    return replace(data, **changes)
