"""The rows under each synthetic service, gathered per batch and inserted together."""

import random
from decimal import Decimal
from typing import Any

from earlyhelp.directory.models import (
    Address,
    Attribute,
    CostOption,
    Language,
    Location,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
)
from earlyhelp.directory.synthetic import vocabulary
from earlyhelp.directory.synthetic.inserts import insert_rows
from earlyhelp.directory.synthetic.specs import ServiceSpec

_STREETS = ("High Street", "Station Road", "Church Lane", "Mill Road", "Park Avenue", "The Green")
_COLUMNS: dict[str, tuple[Any, tuple[str, ...]]] = {
    "attributes": (Attribute, ("service", "taxonomy_term", "link_type")),
    "phones": (Phone, ("service", "number", "type")),
    "schedules": (Schedule, ("service", "freq", "interval", "byday", "opens_at", "closes_at")),
    "costs": (CostOption, ("service", "option", "currency", "amount", "amount_description")),
    "areas": (ServiceArea, ("service", "name")),
    "languages": (Language, ("service", "name")),
}


class ServiceRows:
    def __init__(self, terms: dict[tuple[str, str], int], rng: random.Random) -> None:
        self.terms, self.rng = terms, rng
        self.rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in _COLUMNS}
        self.places: list[tuple[Service, Location, Address]] = []

    def add(self, service: Service, spec: ServiceSpec) -> None:
        pk, rows = service.pk, self.rows
        rows["attributes"] += [(pk, term, taxonomy) for taxonomy, term in self._terms(spec)]
        rows["phones"] += [(pk, number, kind) for number, kind in spec.phones]
        rows["schedules"] += [(pk, "WEEKLY", 1, *schedule) for schedule in spec.schedules]
        if spec.free is not None:
            option = "Free" if spec.free else "Charges apply"
            amount = Decimal(0) if spec.free else None
            rows["costs"].append((pk, option, "GBP", amount, spec.fees))
        rows["areas"].append((pk, spec.area))
        rows["languages"] += [(pk, name) for name in spec.languages]
        if spec.with_location:
            self.places.append((service, *self._place(service)))

    def _terms(self, spec: ServiceSpec) -> list[tuple[str, int]]:
        return [(taxonomy, self.terms[taxonomy, code]) for taxonomy, code in spec.terms()]

    def _place(self, service: Service) -> tuple[Location, Address]:
        place = self.rng.choice(vocabulary.PLACES)
        location = Location(organization=service.organization, name=f"{place} Family Centre")
        address = Address(
            address_1=f"{self.rng.randint(1, 120)} {self.rng.choice(_STREETS)}",
            city=place,
            postal_code=f"ZZ{self.rng.randint(1, 99)} {self.rng.randint(1, 9)}XX",
        )
        return location, address

    def save(self) -> None:
        for name, (model, columns) in _COLUMNS.items():
            insert_rows(model, columns, self.rows[name])
        if self.places:
            locations = Location.objects.bulk_create([loc for _, loc, _ in self.places])
            for (_, _, address), location in zip(self.places, locations, strict=True):
                address.location = location
            Address.objects.bulk_create([address for _, _, address in self.places])
            ServiceAtLocation.objects.bulk_create(
                ServiceAtLocation(service=service, location=location)
                for (service, _, _), location in zip(self.places, locations, strict=True)
            )
