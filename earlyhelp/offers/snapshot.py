"""The frozen content of a published Offer, and the page built from it.

A snapshot holds everything the school wrote (texts, people, level wording, the order of
services) and a copy of every service card as it was. The public page takes the school's
own provision from the snapshot and every county or national service live from the
directory, so that a correction made once in the directory reaches every Offer.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from earlyhelp.directory.models import Scope, Service, ServiceStatus
from earlyhelp.lib import phones as phone_lib
from earlyhelp.offers.models import Offer
from earlyhelp.directory.presentation import ServiceCard, card_from_service, card_queryset
from earlyhelp.schools.models import KeyRole, School

SNAPSHOT_FORMAT = 1


def build_snapshot(offer: Offer, *, review_due: date | None) -> dict[str, Any]:
    school = offer.school
    entries = list(offer.entries.order_by("level", "position", "id"))
    services = {
        s.pk: s
        for s in card_queryset(Service.objects.filter(pk__in=[e.service_id for e in entries]))
    }
    headings = {h.level: h for h in offer.level_headings.all()}
    return {
        "format": SNAPSHOT_FORMAT,
        "school": _school(school),
        "introduction": offer.introduction,
        "raising_concerns": offer.raising_concerns,
        "attendance": offer.attendance,
        "review_due": review_due.isoformat() if review_due else None,
        "people": _people(school),
        "levels": [
            {
                "level": level,
                "heading": headings[level].heading if level in headings else "",
                "description": headings[level].description if level in headings else "",
                "entries": [
                    card_from_service(services[e.service_id]).to_json()
                    for e in entries
                    if e.level == level
                ],
            }
            for level in (1, 2, 3, 4)
        ],
    }


def _school(school: School) -> dict[str, Any]:
    authority = school.local_authority
    return {
        "name": school.name,
        "slug": school.slug,
        "phone": school.phone,
        "email": school.email,
        "website": school.website,
        "address": school.address,
        "postcode": school.postcode,
        "local_authority": {
            "name": authority.name,
            "front_door_name": authority.front_door_name,
            "front_door_phone": authority.front_door_phone,
            "out_of_hours_phone": authority.out_of_hours_phone,
            "front_door_url": authority.front_door_url,
        },
    }


def _people(school: School) -> list[dict[str, Any]]:
    return [
        {
            "name": p.name,
            "job_title": p.job_title,
            "email": p.email,
            "phone": p.phone,
            "roles": [r.role for r in p.roles.all()],
        }
        for p in school.key_people.prefetch_related("roles")
    ]


@dataclass(frozen=True)
class Person:
    name: str
    job_title: str
    email: str
    phone: str
    roles: list[str]

    @property
    def role_names(self) -> list[str]:
        return [KeyRole(r).label for r in self.roles]

    @property
    def phone_display(self) -> str:
        return phone_lib.format_for_display(self.phone) if self.phone else ""


@dataclass(frozen=True)
class LevelSection:
    level: int
    heading: str
    description: str
    services: list[ServiceCard]

    @property
    def by_topic(self) -> list[tuple[str, list[ServiceCard]]]:
        groups: dict[str, list[ServiceCard]] = {}
        for card in self.services:
            topic = card.primary_topic
            groups.setdefault(topic["name"] if topic else "Other support", []).append(card)
        return list(groups.items())


@dataclass(frozen=True)
class OfferPage:
    school: dict[str, Any]
    introduction: str
    raising_concerns: str
    attendance: str
    review_due: str | None
    people: list[Person]
    levels: list[LevelSection] = field(default_factory=list)

    @property
    def services(self) -> list[ServiceCard]:
        return [card for level in self.levels for card in level.services]

    @property
    def quick_exit(self) -> bool:
        return any(card.quick_exit for card in self.services)

    def people_with_role(self, role: str) -> list[Person]:
        return [p for p in self.people if role in p.roles]


def page_from_snapshot(content: dict[str, Any], *, live: bool) -> OfferPage:
    """With `live`, county and national services come from the directory as they are now."""
    current = _live_cards(content) if live else {}
    levels = []
    for level in content["levels"]:
        cards = [_card(entry, current, live) for entry in level["entries"]]
        levels.append(
            LevelSection(
                level["level"],
                level["heading"],
                level["description"],
                [c for c in cards if c is not None],
            )
        )
    return OfferPage(
        school=content["school"],
        introduction=content["introduction"],
        raising_concerns=content["raising_concerns"],
        attendance=content["attendance"],
        review_due=content.get("review_due"),
        people=[Person(**p) for p in content["people"]],
        levels=levels,
    )


def _card(entry: dict[str, Any], current: dict[int, ServiceCard], live: bool) -> ServiceCard | None:
    if not live or entry["scope"] == Scope.SCHOOL:
        return ServiceCard.from_json(entry)
    return current.get(entry["id"])  # gone from the directory or closed: not shown


def _live_cards(content: dict[str, Any]) -> dict[int, ServiceCard]:
    ids = [
        e["id"]
        for level in content["levels"]
        for e in level["entries"]
        if e["scope"] != Scope.SCHOOL
    ]
    services = card_queryset(Service.objects.filter(pk__in=ids, status=ServiceStatus.ACTIVE))
    return {s.pk: card_from_service(s) for s in services}
