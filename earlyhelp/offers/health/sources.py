"""An Offer as stored, read once into plain values the checks share.

A `Source` is one place in the Offer that gives contact details: a key person, a text, or a
service it shows (county and national services read live from the directory, as families
see them). Texts are searched for numbers and addresses with the importer's own finders.
"""

import re
from dataclasses import dataclass
from functools import cached_property

from django.urls import reverse

from earlyhelp.directory.models import Scope, Service
from earlyhelp.imports import data
from earlyhelp.imports.contacts.emails import find_emails
from earlyhelp.imports.contacts.phones import find_phones
from earlyhelp.imports.contacts.urls import find_urls
from earlyhelp.offers.models import Offer, OfferEntry
from earlyhelp.schools.models import KeyPerson, LocalAuthority, School

TEXTS = (
    ("introduction", "Introduction"),
    ("raising_concerns", "Raising and handling concerns"),
    ("attendance", "Attendance"),
)
COUNCIL_SUFFIX = re.compile(r"(?i)\s+(?:county\s+|city\s+|borough\s+)?council$")


@dataclass(frozen=True)
class Text:
    where: str
    link: str
    body: str


@dataclass(frozen=True)
class Source:
    where: str
    # A county or national service with no phone number and no opening times (a school's
    # own provision is reached through the school).
    unreachable: bool = False
    link: str = ""  # the editor page that changes it; "" when the school cannot
    keeper: str = ""  # who else keeps the record (a council, the directory team)
    group: str = ""  # one service or the school's people, for phone-inconsistent; "" when not
    # The numbers are this place's own (a person's or a service's), not ones a text mentions.
    own_numbers: bool = False
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfferContents:
    offer: Offer
    school: School
    people: list[KeyPerson]
    entries: list[OfferEntry]

    def url(self, name: str, *args: object, anchor: str = "") -> str:
        path = reverse(f"offers_staff:{name}", args=[self.school.slug, *args])
        return f"{path}#{anchor}" if anchor else path

    @cached_property
    def texts(self) -> list[Text]:
        texts = [
            Text(label, self.url("texts", anchor=f"id_{field}"), getattr(self.offer, field))
            for field, label in TEXTS
        ]
        for heading in self.offer.level_headings.all():
            where = f"Level {heading.level} heading: {heading.heading}"
            link = self.url("level", heading.level)
            texts.append(Text(where, link, f"{heading.heading}\n{heading.description}"))
        return [text for text in texts if text.body.strip()]

    @cached_property
    def sources(self) -> list[Source]:
        return [
            *(person_source(self, person) for person in self.people),
            *(text_source(text) for text in self.texts),
            *(service_source(self, entry) for entry in self.entries),
        ]

    @cached_property
    def home(self) -> data.Area | None:
        return area_of(self.school.local_authority)


def read_offer(offer: Offer) -> OfferContents:
    school = School.objects.select_related("local_authority").get(pk=offer.school_id)
    people = list(school.key_people.prefetch_related("roles"))
    entries = list(
        offer.entries.select_related(
            "service__organization", "service__owner_local_authority"
        ).prefetch_related(
            "service__phones",
            "service__contacts",
            "service__additional_urls",
            "service__schedules",
        )
    )
    return OfferContents(offer=offer, school=school, people=people, entries=entries)


def area_of(local_authority: LocalAuthority) -> data.Area | None:
    """The importer's record of this council, matched by name ("Worcestershire County Council")."""
    core = data.Area(COUNCIL_SUFFIX.sub("", local_authority.name), (), (), ()).core
    return next((area for area in data.areas() if area.core == core), None)


def person_source(contents: OfferContents, person: KeyPerson) -> Source:
    return Source(
        where=f"Key people: {person.name}",
        link=contents.url("person", person.pk),
        group="school",  # people of one school: their numbers belong together
        own_numbers=True,
        phones=(person.phone,) if person.phone else (),
        emails=(person.email,) if person.email else (),
    )


def text_source(text: Text) -> Source:
    return Source(
        where=text.where,
        link=text.link,
        phones=tuple(m.number for m in find_phones(text.body) if m.number),
        emails=tuple(m.address for m in find_emails(text.body) if m.address),
        urls=tuple(m.url for m in find_urls(text.body) if m.url),
    )


def service_source(contents: OfferContents, entry: OfferEntry) -> Source:
    service = entry.service
    own = service.scope == Scope.SCHOOL
    return directory_source(
        service,
        link=contents.url("provision", service.pk) if own else "",
        keeper="" if own else keeper_of(entry),
        unreachable=not own and not service.phones.all() and not _has_hours(service),
    )


def directory_source(service: Service, *, link: str, keeper: str, unreachable: bool) -> Source:
    """A service's own numbers and addresses (phones, contacts, web addresses prefetched)."""
    emails = [service.email, *(contact.email for contact in service.contacts.all())]
    return Source(
        where=f"Service: {service.name}",
        link=link,
        keeper=keeper,
        # One service's numbers belong together; two services of one council may well have
        # numbers a digit apart (issue 12), so they are not compared.
        group=f"service:{service.pk}",
        own_numbers=True,
        phones=tuple(phone.number for phone in service.phones.all()),
        unreachable=unreachable,
        emails=tuple(email for email in emails if email),
        urls=tuple(u for u in (service.url, *(x.url for x in service.additional_urls.all())) if u),
    )


def is_unreachable(service: Service) -> bool:
    """No phone number and no opening times (from prefetched phones and schedules)."""
    return not service.phones.all() and not _has_hours(service)


def _has_hours(service: Service) -> bool:
    """Weekly opening times a family can go by (from prefetched schedules)."""
    return any(s.opens_at is not None and s.closes_at is not None for s in service.schedules.all())


def keeper_of(entry: OfferEntry) -> str:
    authority = entry.service.owner_local_authority
    return authority.name if authority is not None else "the national directory's editors"
