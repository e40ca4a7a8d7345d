"""What a family sees of a service, built from a live record or from a published snapshot.

`ServiceCard` is the one shape the Offer page, the PDF and published versions render, so a
snapshot and a live record look the same on the page.
"""

from dataclasses import asdict, dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet

from earlyhelp.directory import taxonomies
from earlyhelp.directory.models import Service, TaxonomyTerm
from earlyhelp.directory.opening import describe_schedules
from earlyhelp.lib import phones as phone_lib


@dataclass(frozen=True)
class PhoneCard:
    number: str
    display: str
    href: str
    type: str
    description: str
    costly: bool


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
        phones=[_phone_card(p.number, p.type, p.description) for p in service.phones.all()],
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


def _phone_card(number: str, kind: str, description: str) -> PhoneCard:
    try:
        costly = phone_lib.parse(number).is_costly
    except phone_lib.InvalidPhone:
        costly = False
    return PhoneCard(
        number=number,
        display=phone_lib.format_for_display(number),
        href=f"tel:{number}",
        type=kind,
        description=description,
        costly=costly,
    )


def _age(value: Any) -> str | None:
    if value is None:
        return None
    text = f"{value:f}".rstrip("0").rstrip(".")
    return text or "0"
