"""The frozen content of a published Offer, and the page built from it.

A snapshot holds everything the school wrote (texts, people, level wording, the order of
services) and a copy of every service card as it was. The public page takes the school's
own provision from the snapshot and every county or national service live from the
directory, so that a correction made once in the directory reaches every Offer. A service
that has closed since (any status but active, or deleted) is left out, whoever keeps it.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_date

from earlyhelp.directory.models import Scope, Service, ServiceStatus
from earlyhelp.directory.presentation import ServiceCard, card_from_service, card_queryset
from earlyhelp.directory.taxonomies import DEFAULT_LEVEL_HEADINGS, Level
from earlyhelp.lib import phones as phone_lib
from earlyhelp.offers.models import Offer
from earlyhelp.schools.models import KeyRole, School

SNAPSHOT_FORMAT = 1
OTHER_SUPPORT = "Other support"
# A level with more services than COLLAPSE_OVER shows its first FIRST_FEW on the page and the
# rest behind "Show all N services" (the PDF shows every one).
FIRST_FEW = 3
COLLAPSE_OVER = 5

# The order families read the key people in: the DSL first, then the deputies, and so on.
ROLE_ORDER: tuple[str, ...] = (
    KeyRole.DSL,
    KeyRole.DEPUTY_DSL,
    KeyRole.HEADTEACHER,
    KeyRole.DEPUTY_HEADTEACHER,
    KeyRole.SAFEGUARDING_GOVERNOR,
    KeyRole.CHAIR_OF_GOVERNORS,
    KeyRole.SENCO,
    KeyRole.FAMILY_SUPPORT_LEAD,
    KeyRole.DESIGNATED_TEACHER_LAC,
    KeyRole.MENTAL_HEALTH_LEAD,
    KeyRole.PASTORAL_LEAD,
    KeyRole.ATTENDANCE_OFFICER,
    KeyRole.OTHER,
)
ROLE_LABELS: dict[str, str] = {
    KeyRole.DSL: "Designated Safeguarding Lead (DSL)",
    KeyRole.DEPUTY_DSL: "Deputy Designated Safeguarding Lead (deputy DSL)",
}


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
            "phone_extension": p.phone_extension,
            "roles": [r.role for r in p.roles.all()],
        }
        for p in school.key_people.prefetch_related("roles")
    ]


def role_rank(role: str) -> int:
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)


def role_label(role: str) -> str:
    if role in ROLE_LABELS:
        return ROLE_LABELS[role]
    if role in KeyRole.values:
        return str(KeyRole(role).label)
    return role.replace("_", " ").capitalize()


@dataclass(frozen=True)
class PersonPhone:
    """A key person's number (E.164) and its extension, if they have one."""

    number: str
    extension: str = ""

    @property
    def display(self) -> str:
        """As the Offer shows it: "01905 123456 extension 204"."""
        return phone_lib.with_extension(phone_lib.format_for_display(self.number), self.extension)

    @property
    def href(self) -> str:
        return phone_lib.tel_href(self.number, self.extension)


@dataclass(frozen=True)
class Person:
    """A key person as the Offer shows them: once, with every role they hold."""

    name: str
    roles: tuple[str, ...] = ()
    job_title: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[PersonPhone, ...] = ()

    @property
    def email(self) -> str:
        return self.emails[0] if self.emails else ""

    @property
    def phone(self) -> str:
        return self.phones[0].number if self.phones else ""

    @property
    def role_names(self) -> list[str]:
        return [role_label(r) for r in self.roles]

    @property
    def phone_display(self) -> str:
        return self.phones[0].display if self.phones else ""

    @property
    def rank(self) -> int:
        return min((role_rank(r) for r in self.roles), default=len(ROLE_ORDER) + 1)

    @property
    def shows_job_title(self) -> bool:
        """A job title that only repeats a role ("Headteacher") is not shown twice."""
        labels = {name.casefold() for name in self.role_names}
        return bool(self.job_title) and self.job_title.casefold() not in labels


def people_from_rows(rows: list[dict[str, Any]]) -> list[Person]:
    """One Person per name (an import lists a person once per role), in role order.

    People whose best role is the same keep the order the school gave them.
    """
    merged: dict[str, dict[str, list[Any]]] = {}
    for row in rows:
        key = " ".join(row["name"].split()).casefold()
        person = merged.setdefault(
            key,
            {"name": [row["name"].strip()], "roles": [], "titles": [], "emails": [], "phones": []},
        )
        _extend_unique(person["roles"], row.get("roles") or [])
        _extend_unique(person["titles"], [row.get("job_title") or ""])
        _extend_unique(person["emails"], [row.get("email") or ""])
        phone = row.get("phone") or ""
        extension = row.get("phone_extension") or ""  # not in snapshots before issue 12
        _extend_unique(person["phones"], [PersonPhone(phone, extension)] if phone else [])
    people = [
        Person(
            name=p["name"][0],
            roles=tuple(sorted(p["roles"], key=role_rank)),
            job_title=", ".join(p["titles"]),
            emails=tuple(p["emails"]),
            phones=tuple(p["phones"]),
        )
        for p in merged.values()
    ]
    return sorted(people, key=lambda p: p.rank)


def _extend_unique(values: list[Any], more: list[Any]) -> None:
    for value in more:
        if value and value not in values:
            values.append(value)


@dataclass(frozen=True)
class LevelSection:
    level: int
    heading: str
    description: str
    services: list[ServiceCard]

    @property
    def label(self) -> str:
        """The level's one name ("Level 2: additional needs"); `heading` is the school's."""
        return Level(self.level).label

    @property
    def by_topic(self) -> list[tuple[str, list[ServiceCard]]]:
        """Each service once, under its main topic, topics in the order the school put them."""
        return _by_topic(self.services)

    @property
    def collapses(self) -> bool:
        return len(self.services) > COLLAPSE_OVER

    @property
    def first_few(self) -> list[tuple[str, list[ServiceCard]]]:
        """What a long level shows before "Show all": its first services, by topic."""
        return _by_topic(self._in_topic_order[:FIRST_FEW])

    @property
    def the_rest(self) -> list[tuple[str, list[ServiceCard]]]:
        """The level's other services, by topic (a topic split by the fold is named again)."""
        return _by_topic(self._in_topic_order[FIRST_FEW:])

    @property
    def _in_topic_order(self) -> list[ServiceCard]:
        return [card for _, cards in self.by_topic for card in cards]


def _by_topic(services: list[ServiceCard]) -> list[tuple[str, list[ServiceCard]]]:
    groups: dict[str, list[ServiceCard]] = {}
    for card in services:
        topic = card.primary_topic
        groups.setdefault(topic["name"] if topic else OTHER_SUPPORT, []).append(card)
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
    def shown_levels(self) -> list[LevelSection]:
        return [level for level in self.levels if level.services]

    @property
    def quick_exit(self) -> bool:
        return any(card.quick_exit for card in self.services)

    @property
    def review_due_date(self) -> date | None:
        return parse_date(self.review_due) if self.review_due else None

    @property
    def review_overdue(self) -> bool:
        due = self.review_due_date
        return due is not None and due < timezone.localdate()

    def people_with_role(self, role: str) -> list[Person]:
        return [p for p in self.people if role in p.roles]


def page_from_snapshot(content: dict[str, Any], *, live: bool) -> OfferPage:
    """With `live`, county and national services come from the directory as they are now.

    The number of queries is fixed, however many services the Offer shows.
    """
    current = _live_cards(content) if live else None
    levels = []
    for level in content["levels"]:
        cards = [_card(entry, current) for entry in level["entries"]]
        levels.append(
            LevelSection(
                level["level"],
                level["heading"] or DEFAULT_LEVEL_HEADINGS.get(level["level"], ""),
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
        people=people_from_rows(content["people"]),
        levels=levels,
    )


def _card(
    entry: dict[str, Any], current: dict[int, ServiceCard | None] | None
) -> ServiceCard | None:
    if current is None:
        return ServiceCard.from_json(entry)
    if entry["id"] not in current:
        return None  # closed or deleted since the Offer was published: not shown
    return current[entry["id"]] or ServiceCard.from_json(entry)


def _live_cards(content: dict[str, Any]) -> dict[int, ServiceCard | None]:
    """Each service of the snapshot that is still active: county and national ones as the
    directory has them now, the school's own (None) to be shown as published."""
    entries = [e for level in content["levels"] for e in level["entries"]]
    own = [e["id"] for e in entries if e["scope"] == Scope.SCHOOL]
    others = [e["id"] for e in entries if e["scope"] != Scope.SCHOOL]
    active = Service.objects.filter(status=ServiceStatus.ACTIVE)
    own_active = active.filter(pk__in=own).order_by().values_list("pk", flat=True)
    current: dict[int, ServiceCard | None] = dict.fromkeys(own_active)
    for service in card_queryset(active.filter(pk__in=others)):
        current[service.pk] = card_from_service(service)
    return current
