"""An Open Referral UK service record, checked and turned into what directory actions take.

`read_service` raises `RecordError` (naming the service and the field) for anything the
schema or the directory's own field rules refuse. What is valid but cannot be kept as it is
(a phone number nobody can dial, a monthly schedule) is left out with a warning.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_date
from django.utils.text import slugify

from earlyhelp.directory import taxonomies
from earlyhelp.directory.data import PhoneData, ScheduleData, ServiceData
from earlyhelp.directory.models import Location, PhoneType, Service, ServiceStatus
from earlyhelp.lib import phones as phone_lib
from earlyhelp.oruk import schemas

Json = dict[str, Any]
OUR_TAXONOMIES = {
    name: frozenset(t.code for t in terms) for name, (_, terms) in taxonomies.TAXONOMIES.items()
}
UNKNOWN_ORGANIZATION = "Organisation not named"


class RecordError(ValueError):
    """A record the harvest refuses; the message names the service and the field."""


@dataclass(frozen=True)
class AddressData:
    address_1: str
    city: str
    postal_code: str
    address_2: str = ""
    region: str = ""
    state_province: str = ""
    country: str = "GB"
    attention: str = ""
    address_type: str = "physical"


@dataclass(frozen=True)
class LocationData:
    location_type: str = "physical"
    name: str = ""
    description: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    addresses: tuple[AddressData, ...] = ()


@dataclass(frozen=True)
class TermData:
    """A taxonomy term that is not one of ours, kept under its own taxonomy."""

    taxonomy: str
    code: str
    name: str
    description: str = ""
    term_uri: str = ""


@dataclass(frozen=True)
class HarvestRecord:
    remote_id: str
    fingerprint: str
    data: ServiceData
    locations: tuple[LocationData, ...] = ()
    other_terms: tuple[TermData, ...] = ()
    warnings: tuple[str, ...] = ()


def fingerprint(record: Json) -> str:
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def label(record: Any) -> str:
    if not isinstance(record, dict):
        return "a record that is not an object"
    name = record.get("name")
    return f"service {record.get('id')!s}" + (f" ({name})" if isinstance(name, str) else "")


def schema_problems(schema: str, record: Any, *, limit: int = 5) -> list[str]:
    return [
        f"{label(record)}: field {schemas.where(e)}: {e.message}"
        for e in schemas.errors(schema, record)[:limit]
    ]


def read_service(record: Json) -> HarvestRecord:
    """A record already valid against the compiled service schema."""
    warnings: list[str] = []
    name = label(record)
    phones = _phones(record, warnings, name)
    terms, other_terms = _terms(record)
    data = ServiceData(
        name=_text(record, "name"),
        organization_name=_organization_name(record),
        description=_text(record, "description"),
        url=_text(record, "url"),
        email=_text(record, "email"),
        status=_text(record, "status") or ServiceStatus.ACTIVE,
        minimum_age=_age(record, "minimum_age", name),
        maximum_age=_age(record, "maximum_age", name),
        application_process=_text(record, "application_process"),
        eligibility_description=_text(record, "eligibility_description"),
        fees_description=_text(record, "fees") or _text(record, "fees_description"),
        free=_free(record),
        assured_date=_date(record, "assured_date", warnings, name),
        phones=phones,
        emails=_contact_emails(record),
        additional_urls=_additional_urls(record),
        schedules=_schedules(record, warnings, name),
        service_areas=tuple(
            _text(a, "name")[:200] for a in record.get("service_areas", []) if _text(a, "name")
        ),
        languages=tuple(
            _text(x, "name")[:100] for x in record.get("languages", []) if _text(x, "name")
        ),
        **terms,
    )
    _check_fields(data, name)
    return HarvestRecord(
        remote_id=str(record["id"]),
        fingerprint=fingerprint(record),
        data=data,
        locations=_locations(record, name, warnings),
        other_terms=other_terms,
        warnings=tuple(warnings),
    )


def _text(values: Any, key: str) -> str:
    value = values.get(key) if isinstance(values, dict) else None
    return value.strip() if isinstance(value, str) else ""


def _organization_name(record: Json) -> str:
    organization = record.get("organization")
    return _text(organization, "name")[:300] or UNKNOWN_ORGANIZATION


def _age(record: Json, key: str, name: str) -> Decimal | None:
    value = record.get(key)
    if value is None:
        return None
    try:
        age = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise RecordError(f"{name}: field {key}: {value!r} is not an age") from None
    if not 0 <= age < 1000:
        raise RecordError(f"{name}: field {key}: {value!r} is not an age in years")
    return age


def _date(record: Json, key: str, warnings: list[str], name: str) -> date | None:
    text = _text(record, key)
    if not text:
        return None
    try:
        found = parse_date(text[:10])
    except ValueError:
        found = None
    if found is None:
        warnings.append(f"{name}: field {key}: {text!r} is not a date; left out")
    return found


def _phones(record: Json, warnings: list[str], name: str) -> tuple[PhoneData, ...]:
    """The service's phones (HSDS 3.0), then its contacts' and locations' phones."""
    found: list[tuple[str, Json]] = [
        (f"phones[{i}]", p) for i, p in enumerate(record.get("phones") or [])
    ]
    for i, contact in enumerate(record.get("contacts") or []):
        found += [(f"contacts[{i}].phones[{j}]", p) for j, p in enumerate(_list(contact, "phones"))]
    for i, sal in enumerate(record.get("service_at_locations") or []):
        location = sal.get("location") if isinstance(sal, dict) else None
        found += [
            (f"service_at_locations[{i}].location.phones[{j}]", p)
            for j, p in enumerate(_list(location, "phones"))
        ]
    result: dict[str, PhoneData] = {}
    for where, phone in found:
        raw = _text(phone, "number")
        try:
            number = phone_lib.normalise(raw)
        except phone_lib.InvalidPhone:
            warnings.append(f"{name}: field {where}.number: {raw!r} cannot be dialled; left out")
            continue
        kind = _text(phone, "type")
        result.setdefault(
            number,
            PhoneData(
                number=number,
                type=kind if kind in PhoneType.values else PhoneType.VOICE,
                description=_text(phone, "description")[:300],
            ),
        )
    return tuple(result.values())


def _list(values: Any, key: str) -> list[Any]:
    found = values.get(key) if isinstance(values, dict) else None
    return [v for v in found if isinstance(v, dict)] if isinstance(found, list) else []


def _contact_emails(record: Json) -> tuple[str, ...]:
    emails = [_text(c, "email") for c in _list(record, "contacts")]
    return tuple(dict.fromkeys(e for e in emails if e))


def _additional_urls(record: Json) -> tuple[str, ...]:
    urls = [_text(u, "url") for u in _list(record, "additional_urls")]
    return tuple(dict.fromkeys(u for u in urls if u))


def _free(record: Json) -> bool | None:
    options = _list(record, "cost_options")
    if not options:
        return None
    return any(o.get("amount") == 0 for o in options)


def _schedules(record: Json, warnings: list[str], name: str) -> tuple[ScheduleData, ...]:
    result = []
    for i, schedule in enumerate(_list(record, "schedules")):
        byday = _text(schedule, "byday").upper().replace(" ", "")
        opens, closes = _time(schedule, "opens_at"), _time(schedule, "closes_at")
        if _text(schedule, "freq") not in ("", "WEEKLY") or not byday or not opens or not closes:
            warnings.append(
                f"{name}: field schedules[{i}]: only weekly schedules with days and times "
                "are kept; left out"
            )
            continue
        description = _text(schedule, "description")[:500]
        result.append(ScheduleData(byday[:40], opens, closes, description))
    return tuple(result)


def _time(values: Json, key: str) -> time | None:
    text = _text(values, key).removesuffix("Z")
    try:
        return time.fromisoformat(text).replace(tzinfo=None) if text else None
    except ValueError:
        return None


def _terms(record: Json) -> tuple[dict[str, tuple[Any, ...]], tuple[TermData, ...]]:
    ours: dict[str, list[str]] = {name: [] for name in OUR_TAXONOMIES}
    others: dict[tuple[str, str], TermData] = {}
    for attribute in _list(record, "attributes"):
        term = attribute.get("taxonomy_term")
        if not isinstance(term, dict):
            continue
        taxonomy = _text(term, "taxonomy")[:200]
        code = _text(term, "code") or _text(term, "term") or _text(term, "name")
        if code in OUR_TAXONOMIES.get(taxonomy, ()):
            ours[taxonomy].append(code)
            continue
        kept = TermData(
            taxonomy=taxonomy or "harvested",
            code=slugify(code)[:100] or str(term.get("id")),
            name=_text(term, "name")[:200],
            description=_text(term, "description"),
            term_uri=_web_address(_text(term, "term_uri"))[:500],
        )
        others.setdefault((kept.taxonomy, kept.code), kept)
    levels = tuple(int(code.removeprefix("level-")) for code in ours[taxonomies.LEVEL_OF_NEED])
    fields: dict[str, tuple[Any, ...]] = {
        "topics": tuple(ours[taxonomies.TOPIC]),
        "levels": levels,
        "referral_routes": tuple(ours[taxonomies.REFERRAL_ROUTE]),
        "delivery": tuple(ours[taxonomies.DELIVERY]),
        "features": tuple(ours[taxonomies.FEATURE]),
    }
    return fields, tuple(others.values())


def _locations(record: Json, name: str, warnings: list[str]) -> tuple[LocationData, ...]:
    result = []
    for i, sal in enumerate(_list(record, "service_at_locations")):
        location = sal.get("location")
        if not isinstance(location, dict):
            continue
        where = f"{name}: field service_at_locations[{i}].location"
        latitude = _coordinate(location, "latitude", 90, where, warnings)
        longitude = _coordinate(location, "longitude", 180, where, warnings)
        if latitude is None or longitude is None:  # a position needs both
            latitude = longitude = None
        result.append(
            LocationData(
                location_type=_text(location, "location_type") or "physical",
                name=_text(location, "name")[:300],
                description=_text(location, "description"),
                latitude=latitude,
                longitude=longitude,
                addresses=_addresses(location, where, warnings),
            )
        )
    return tuple(result)


def _coordinate(
    values: Json, key: str, limit: int, where: str, warnings: list[str]
) -> Decimal | None:
    value = values.get(key)
    if value is None:
        return None
    number = Decimal(str(value)).quantize(Decimal("0.000001"))
    if not -limit <= number <= limit:
        warnings.append(f"{where}.{key}: {value!r} is not a {key}; left out")
        return None
    return number


def _addresses(location: Json, where: str, warnings: list[str]) -> tuple[AddressData, ...]:
    result = []
    for i, values in enumerate(_list(location, "addresses")):
        address = _address(values)
        if address.address_1 and address.city and address.postal_code:
            result.append(address)
        else:
            warnings.append(f"{where}.addresses[{i}]: no first line, town or postcode; left out")
    return tuple(result)


def _address(values: Json) -> AddressData:
    country = _text(values, "country").upper()
    address_type = _text(values, "address_type")
    return AddressData(
        address_1=_text(values, "address_1")[:300],
        address_2=_text(values, "address_2")[:300],
        city=_text(values, "city")[:200],
        region=_text(values, "region")[:200],
        state_province=_text(values, "state_province")[:200],
        postal_code=_text(values, "postal_code")[:10],
        country=country if len(country) == 2 else "GB",
        attention=_text(values, "attention")[:200],
        address_type=address_type if address_type in Location.LocationType.values else "physical",
    )


def _check_fields(data: ServiceData, name: str) -> None:
    """The directory's own field rules (lengths, web and email addresses), before any write."""
    service = Service(
        name=data.name,
        description=data.description,
        url=data.url,
        email=data.email,
        status=data.status,
        minimum_age=data.minimum_age,
        maximum_age=data.maximum_age,
        scope="national",
    )
    try:
        service.clean_fields(exclude=["organization", "scope"])
    except ValidationError as error:
        field_name, messages = next(iter(error.message_dict.items()))
        raise RecordError(f"{name}: field {field_name}: {' '.join(messages)}") from None
    low, high = data.minimum_age, data.maximum_age
    if low is not None and high is not None and low > high:
        raise RecordError(f"{name}: field minimum_age: more than maximum_age")


def _web_address(text: str) -> str:
    return text if text.startswith(("http://", "https://")) else ""
