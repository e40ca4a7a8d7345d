"""Checks of the Offer as a whole: repeats, dates, guidance, areas and what must be there."""

from collections import defaultdict
from datetime import date

from earlyhelp.directory.models import Scope
from earlyhelp.imports.rules.dates import GUIDANCE
from earlyhelp.lib.datefmt import govuk_date
from earlyhelp.offers.health.findings import Code, HealthFinding, Severity
from earlyhelp.offers.health.sources import OfferContents, area_of
from earlyhelp.offers.models import OfferEntry
from earlyhelp.schools.models import KeyRole

WARNING = Severity.WARNING


def offer_findings(contents: OfferContents, today: date) -> list[HealthFinding]:
    return [
        *missing_required(contents),
        *review_overdue(contents, today),
        *guidance_outdated(contents),
        *duplicate_sections(contents),
        *out_of_area_services(contents),
    ]


def missing_required(contents: OfferContents) -> list[HealthFinding]:
    # 999 is never missing: the emergency panel on every public page shows it.
    return [*_missing_dsl(contents), *_missing_deputy(contents), *_missing_front_door(contents)]


def _holding(contents: OfferContents, role: str) -> list[str]:
    return [p.name for p in contents.people if role in {r.role for r in p.roles.all()}]


def _missing_dsl(contents: OfferContents) -> list[HealthFinding]:
    dsls = [p for p in contents.people if KeyRole.DSL in {r.role for r in p.roles.all()}]
    if not dsls:
        return [
            HealthFinding(
                Code.MISSING_REQUIRED,
                WARNING,
                "Your Offer does not name a Designated Safeguarding Lead (DSL).",
                "Key people",
                "Add your DSL with a phone number or email address families can use.",
                contents.url("person-add"),
                "Add a person",
            )
        ]
    if any(p.phone or p.email for p in dsls):
        return []
    dsl = dsls[0]
    return [
        HealthFinding(
            Code.MISSING_REQUIRED,
            WARNING,
            f"No phone number or email address is given for the DSL, {dsl.name}.",
            f"Key people: {dsl.name}",
            "Add a phone number or email address that reaches the DSL.",
            contents.url("person", dsl.pk),
        )
    ]


def _missing_deputy(contents: OfferContents) -> list[HealthFinding]:
    if _holding(contents, KeyRole.DEPUTY_DSL):
        return []
    return [
        HealthFinding(
            Code.MISSING_REQUIRED,
            WARNING,
            "Your Offer does not name a deputy Designated Safeguarding Lead.",
            "Key people",
            "Add a deputy DSL, so families can reach someone when the DSL is away.",
            contents.url("person-add"),
            "Add a person",
        )
    ]


def _missing_front_door(contents: OfferContents) -> list[HealthFinding]:
    authority = contents.school.local_authority
    if authority.front_door_phone:
        return []
    return [
        HealthFinding(
            Code.MISSING_REQUIRED,
            WARNING,
            f"{authority.name} has no {authority.front_door_name or 'front door'} phone number, "
            "so the emergency panel cannot give one.",
            f"Local authority: {authority.name}",
            f"Ask {authority.name} to add their children's services front door number.",
        )
    ]


def review_overdue(contents: OfferContents, today: date) -> list[HealthFinding]:
    due = contents.offer.review_due
    if due is None or due >= today:
        return []
    return [
        HealthFinding(
            Code.REVIEW_OVERDUE,
            WARNING,
            f"Your Offer was due for review on {govuk_date(due)}.",
            "Publication",
            "Check the people, numbers and services, then publish it again with a new review date.",
            contents.url("publish"),
            "Publish again",
        )
    ]


def guidance_outdated(contents: OfferContents) -> list[HealthFinding]:
    found = []
    for text in contents.texts:
        for title, pattern, current in GUIDANCE:
            years = sorted({int(m.group(1)) for m in pattern.finditer(text.body)})
            for year in (y for y in years if y < current):
                found.append(
                    HealthFinding(
                        Code.GUIDANCE_OUTDATED,
                        WARNING,
                        f"Cites {title} {year}; the current edition is {current}.",
                        text.where,
                        f"Refer to {title} {current}, and check the wording still matches it.",
                        text.link,
                    )
                )
    return found


def duplicate_sections(contents: OfferContents) -> list[HealthFinding]:
    """The same organisation's service under the same name shown twice. (The same directory
    record cannot be shown twice: the database allows one entry per service.)"""
    groups: dict[tuple[int, str], list[OfferEntry]] = defaultdict(list)
    for entry in contents.entries:
        name = " ".join(entry.service.name.lower().split())
        groups[entry.service.organization_id, name].append(entry)
    found = []
    for entries in groups.values():
        for repeat in entries[1:]:
            found.append(_duplicate(contents, entries[0], repeat))
    return found


def _duplicate(contents: OfferContents, first: OfferEntry, repeat: OfferEntry) -> HealthFinding:
    service = repeat.service
    return HealthFinding(
        Code.DUPLICATE_SECTION,
        WARNING,
        f"{service.name} ({service.organization.name}) is shown twice: under level "
        f"{first.level} and under level {repeat.level}.",
        f"Service: {service.name}",
        "Keep the one under the right level and remove the other.",
        contents.url("entry-remove", repeat.pk),
        "Remove",
    )


def out_of_area_services(contents: OfferContents) -> list[HealthFinding]:
    """A local service kept by another council, unless the two councils are one area."""
    home = contents.school.local_authority
    found = []
    for entry in contents.entries:
        owner = entry.service.owner_local_authority
        if entry.service.scope != Scope.LOCAL or owner is None or owner.pk == home.pk:
            continue
        ours, theirs = area_of(home), area_of(owner)
        if ours is not None and theirs is not None and ours.related(theirs):
            continue
        found.append(
            HealthFinding(
                Code.OUT_OF_AREA,
                WARNING,
                f"{entry.service.name} is kept by {owner.name} for its own families; your school "
                f"is in {home.name}.",
                f"Service: {entry.service.name}",
                f"Check that {home.name} families can use it; if not, remove it and choose "
                f"{home.name}'s own service.",
                contents.url("entry-remove", entry.pk),
                "Remove",
            )
        )
    return found
