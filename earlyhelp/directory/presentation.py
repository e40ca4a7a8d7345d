"""What a family sees of a service, built from a live record or from a published snapshot.

`ServiceCard` is the one shape the Offer page, the PDF and published versions render, so a
snapshot and a live record look the same on the page.
"""

from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from django.db.models import Prefetch, QuerySet

from earlyhelp.directory import taxonomies
from earlyhelp.directory.models import (
    CostOption,
    Location,
    Service,
    ServiceStatus,
    TaxonomyTerm,
)
from earlyhelp.directory.opening import OPEN_BANK_HOLIDAYS, describe_schedules, service_is_open
from earlyhelp.lib import phones as phone_lib

SUMMARY_LENGTH = 200


@dataclass(frozen=True)
class PhoneCard:
    number: str
    display: str
    href: str
    type: str
    description: str
    costly: bool
    extension: str = ""  # shown in `display` and dialled by `href`


@dataclass(frozen=True)
class ServiceCard:
    id: int
    name: str
    organization: str
    scope: str
    status: str
    description: str
    url: str
    additional_urls: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    phones: list[PhoneCard] = field(default_factory=list)
    topics: list[dict[str, str]] = field(default_factory=list)
    minimum_age: str | None = None
    maximum_age: str | None = None
    referral_routes: list[str] = field(default_factory=list)
    delivery: list[str] = field(default_factory=list)
    opening_times: list[str] = field(default_factory=list)
    assured_date: str | None = None

    @property
    def quick_exit(self) -> bool:
        return any(t["code"] in taxonomies.QUICK_EXIT_TOPICS for t in self.topics)

    @property
    def primary_topic(self) -> dict[str, str] | None:
        return self.topics[0] if self.topics else None

    @property
    def ages(self) -> str:
        """Who it is for by age, in plain words: "7 to 17", "18 and over", "Up to 5", "Any age"
        ("" when no ages are stated)."""
        if self.minimum_age is not None and self.maximum_age is not None:
            return f"{self.minimum_age} to {self.maximum_age}"
        if self.minimum_age == "0":
            return "Any age"
        if self.minimum_age is not None:
            return f"{self.minimum_age} and over"
        return f"Up to {self.maximum_age}" if self.maximum_age is not None else ""

    @property
    def summary(self) -> str:
        """The description's first sentence, or its first 200 characters."""
        text = " ".join(self.description.split())
        end = text.find(". ")
        if 0 < end < SUMMARY_LENGTH:
            return text[: end + 1]
        if len(text) <= SUMMARY_LENGTH:
            return text
        return text[:SUMMARY_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ServiceCard":
        values = dict(data)
        values["phones"] = [PhoneCard(**p) for p in data.get("phones", [])]
        return cls(**values)


def card_queryset(services: "QuerySet[Service]") -> "QuerySet[Service]":
    """Everything a card needs, in a fixed number of queries whatever the count."""
    return services.select_related("organization").prefetch_related(
        "phones",
        "contacts",
        "additional_urls",
        "schedules",
        Prefetch("terms", queryset=TaxonomyTerm.objects.select_related("taxonomy")),
    )


def card_from_service(service: Service) -> ServiceCard:
    terms = sorted(service.terms.all(), key=lambda t: (t.position, t.name))
    by_taxonomy: dict[str, list[TaxonomyTerm]] = {}
    for term in terms:
        by_taxonomy.setdefault(term.taxonomy.name, []).append(term)
    return ServiceCard(
        id=service.pk,
        name=service.name,
        organization=service.organization.name,
        scope=service.scope,
        status=service.status,
        description=service.description,
        url=service.url,
        additional_urls=[u.url for u in service.additional_urls.all()],
        emails=_emails(service),
        phones=[
            _phone_card(p.number, p.type, p.description, p.extension) for p in service.phones.all()
        ],
        topics=[{"code": t.code, "name": t.name} for t in by_taxonomy.get(taxonomies.TOPIC, [])],
        minimum_age=_age(service.minimum_age),
        maximum_age=_age(service.maximum_age),
        referral_routes=[t.name for t in by_taxonomy.get(taxonomies.REFERRAL_ROUTE, [])],
        delivery=[t.name for t in by_taxonomy.get(taxonomies.DELIVERY, [])],
        opening_times=describe_schedules(list(service.schedules.all())),
        assured_date=service.assured_date.isoformat() if service.assured_date else None,
    )


def _emails(service: Service) -> list[str]:
    emails = [service.email] if service.email else []
    emails += [c.email for c in service.contacts.all() if c.email and c.email not in emails]
    return emails


@lru_cache(maxsize=4096)
def _phone_card(number: str, kind: str, description: str, extension: str = "") -> PhoneCard:
    """Cached: libphonenumber's parsing and formatting is most of a card's cost."""
    try:
        costly = phone_lib.parse(number).is_costly
    except phone_lib.InvalidPhone:
        costly = False
    return PhoneCard(
        number=number,
        display=phone_lib.with_extension(phone_lib.format_for_display(number), extension),
        href=phone_lib.tel_href(number, extension),
        type=kind,
        description=description,
        costly=costly,
        extension=extension,
    )


def _age(value: Any) -> str | None:
    if value is None:
        return None
    text = f"{value:f}".rstrip("0").rstrip(".")
    return text or "0"


def open_on_bank_holidays(service: Service) -> bool:
    """Whether the service carries the feature term (from prefetched terms)."""
    return any(
        t.code == OPEN_BANK_HOLIDAYS and t.taxonomy.name == taxonomies.FEATURE
        for t in service.terms.all()
    )


@dataclass(frozen=True)
class SearchResult:
    """A service in a list of search results: its card, and whether it is open now."""

    card: ServiceCard
    open_now: bool | None  # None: no weekly opening times to go by
    matched: tuple[str, ...] = ()  # why it matched the words ("bullying"), when known


def search_results(ids: list[int], *, at: datetime | None = None) -> list[SearchResult]:
    """Cards for the services, in the order of `ids`, in a fixed number of queries."""
    services = {s.pk: s for s in card_queryset(Service.objects.filter(pk__in=ids))}
    return [
        SearchResult(card_from_service(service), _open_now(service, at))
        for service in (services.get(pk) for pk in ids)
        if service is not None
    ]


@dataclass(frozen=True)
class BriefResult:
    """A service in a secondary list: its name and its first phone number."""

    id: int
    name: str
    phone: PhoneCard | None


def brief_results(ids: list[int]) -> list[BriefResult]:
    """Names and first phones, in the order of `ids`, in two queries."""
    services = {s.pk: s for s in Service.objects.filter(pk__in=ids).prefetch_related("phones")}
    found = [services[pk] for pk in ids if pk in services]
    return [BriefResult(s.pk, s.name, _first_phone(s)) for s in found]


def _first_phone(service: Service) -> PhoneCard | None:
    phones = list(service.phones.all())
    return _phone_card(phones[0].number, phones[0].type, "") if phones else None


def _open_now(service: Service, at: datetime | None) -> bool | None:
    return service_is_open(
        service.schedules.all(), at, open_bank_holidays=open_on_bank_holidays(service)
    )


@dataclass(frozen=True)
class Place:
    name: str
    address: list[str]


@dataclass(frozen=True)
class ServiceDetail:
    """Everything the service page shows beyond the card."""

    card: ServiceCard
    eligibility: str
    application_process: str
    fees: str
    costs: list[str]
    levels: list[str]
    languages: list[str]
    areas: list[str]
    places: list[Place]
    open_now: bool | None
    open_bank_holidays: bool
    temporarily_closed: bool


def detail_queryset(services: "QuerySet[Service]") -> "QuerySet[Service]":
    return card_queryset(services).prefetch_related(
        "cost_options",
        "languages",
        "service_areas",
        "service_at_locations__location__addresses",
    )


def service_detail(service: Service, *, at: datetime | None = None) -> ServiceDetail:
    levels = [
        t.name
        for t in sorted(service.terms.all(), key=lambda t: t.position)
        if t.taxonomy.name == taxonomies.LEVEL_OF_NEED
    ]
    return ServiceDetail(
        card=card_from_service(service),
        eligibility=service.eligibility_description,
        application_process=service.application_process,
        fees=service.fees_description,
        costs=[_cost(c) for c in service.cost_options.all()],
        levels=levels,
        languages=[language.name for language in service.languages.all()],
        areas=[area.name for area in service.service_areas.all()],
        places=[_place(sal.location) for sal in service.service_at_locations.all()],
        open_now=_open_now(service, at),
        open_bank_holidays=open_on_bank_holidays(service),
        temporarily_closed=service.status == ServiceStatus.TEMPORARILY_CLOSED,
    )


def _cost(option: CostOption) -> str:
    if option.amount is not None and option.amount == 0:
        text = "Free"
    elif option.amount is not None:
        text = f"£{option.amount:,.2f}".removesuffix(".00")
    else:
        text = option.option or "Charges apply"
    if option.amount_description and option.amount_description != text:
        return f"{text}: {option.amount_description}"
    return text


def _place(location: Location) -> Place:
    lines: list[str] = []
    for address in location.addresses.all():
        parts = [address.address_1, address.address_2, address.city, address.postal_code]
        lines += [part for part in parts if part]
    return Place(name=location.name, address=lines)
