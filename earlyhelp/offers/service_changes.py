"""What changed in a county service, in words a school's Offer editor reads.

`facts_of` reads the few things a family relies on (name, phone numbers, email, web
address, whether it is offered) before and after a change; `describe` turns the difference
into sentences: "Phone changed from 01905 822666 to 01905 822777".
"""

from dataclasses import dataclass

from earlyhelp.directory.models import Service, ServiceStatus
from earlyhelp.lib import phones

OFFERED = {ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED}


@dataclass(frozen=True)
class ServiceFacts:
    name: str
    phones: tuple[str, ...]
    email: str
    url: str
    status: str


def facts_of(service: Service) -> ServiceFacts:
    shown = tuple(
        phones.with_extension(phones.format_for_display(p.number), p.extension)
        for p in service.phones.order_by("id")
    )
    return ServiceFacts(service.name, shown, service.email, service.url, service.status)


def describe(before: ServiceFacts, after: ServiceFacts) -> list[str]:
    """One sentence per changed fact, in the order a family would look for them."""
    found = []
    if before.name != after.name:
        found.append(f"Name changed from {before.name} to {after.name}")
    found += _changed("Phone", ", ".join(before.phones), ", ".join(after.phones))
    found += _changed("Email", before.email, after.email)
    found += _changed("Web address", before.url, after.url)
    return found + _status(before.status, after.status)


def _changed(what: str, old: str, new: str) -> list[str]:
    if old == new:
        return []
    if not old:
        return [f"{what} {new} added"]
    if not new:
        return [f"{what} {old} removed"]
    return [f"{what} changed from {old} to {new}"]


def _status(old: str, new: str) -> list[str]:
    if old in OFFERED and new not in OFFERED:
        return ["Withdrawn: no longer shown to families"]
    if old not in OFFERED and new in OFFERED:
        return ["Offered again: shown to families once more"]
    if new == ServiceStatus.TEMPORARILY_CLOSED and old != new:
        return ["Temporarily closed"]
    return []
