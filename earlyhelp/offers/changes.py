"""What publishing the draft would change for families, in words, since the last version.

Both sides are snapshots (`offers.snapshot`): the published version's frozen content and the
draft as it would be frozen now. County and national services are shown live on the public
page, so for them only whether they are shown, and where, counts; the school's own words,
people and provision count in full.
"""

from typing import Any

from earlyhelp.directory.models import Scope
from earlyhelp.directory.presentation import ServiceCard
from earlyhelp.directory.taxonomies import DEFAULT_LEVEL_HEADINGS
from earlyhelp.offers.models import Offer
from earlyhelp.offers.snapshot import build_snapshot, role_label

TEXTS = (
    ("introduction", "the introduction"),
    ("raising_concerns", "how the school raises and handles concerns"),
    ("attendance", "how the school watches attendance"),
)
# What a change to a field of the school's own provision is called.
CARD_FIELDS = (
    ("name", "name"),
    ("description", "description"),
    ("phones", "phone numbers"),
    ("emails", "email addresses"),
    ("url", "web address"),
    ("additional_urls", "web addresses"),
    ("topics", "topics"),
    ("minimum_age", "ages"),
    ("maximum_age", "ages"),
    ("referral_routes", "who can ask for it"),
    ("delivery", "how it is given"),
    ("opening_times", "opening times"),
)
PERSON_FIELDS = (
    ("roles", "roles"),
    ("job_title", "job title"),
    ("phone", "phone number"),
    ("email", "email address"),
)
SCHOOL_FIELDS = ("name", "phone", "email", "website", "address", "postcode")


def draft_changes(offer: Offer) -> list[str]:
    """Each change publishing now would make, as a sentence; [] when nothing would change."""
    published = offer.published_version
    if published is None:
        return ["Everything: this is the first version families will see."]
    draft = build_snapshot(offer, review_due=published.review_due)
    return describe_changes(published.content, draft)


def describe_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return [
        *_text_changes(before, after),
        *_people_changes(before["people"], after["people"]),
        *_heading_changes(before, after),
        *_service_changes(before, after),
        *_school_changes(before["school"], after["school"]),
    ]


def _text_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return [
        f"Changed {label}." for key, label in TEXTS if before.get(key, "") != after.get(key, "")
    ]


def _person_key(row: dict[str, Any]) -> str:
    return " ".join(row["name"].split()).casefold()


def _people(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    people: dict[str, dict[str, Any]] = {}
    for row in rows:
        person = people.setdefault(_person_key(row), {**row, "roles": []})
        person["roles"] = sorted({*person["roles"], *(row.get("roles") or [])})
    return people


def _people_changes(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[str]:
    old, new = _people(before), _people(after)
    found = []
    for key, person in new.items():
        roles = ", ".join(role_label(r) for r in person["roles"])
        if key not in old:
            found.append(f"Added a key person: {person['name']}{f' ({roles})' if roles else ''}.")
            continue
        fields = _changed(old[key], person, PERSON_FIELDS)
        if fields:
            found.append(f"Changed {person['name']}’s {_and(fields)}.")
    found += [f"Removed a key person: {p['name']}." for k, p in old.items() if k not in new]
    return found


def _levels(content: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {level["level"]: level for level in content["levels"]}


def _heading(level: dict[str, Any]) -> str:
    return str(level["heading"] or DEFAULT_LEVEL_HEADINGS.get(level["level"], ""))


def _heading_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    old, new = _levels(before), _levels(after)
    found = []
    for number, level in new.items():
        previous = old.get(number)
        if previous is None:
            continue
        if _heading(previous) != _heading(level) or previous["description"] != level["description"]:
            found.append(f"Changed the wording of level {number}: now “{_heading(level)}”.")
    return found


def _shown(content: dict[str, Any]) -> dict[int, tuple[int, dict[str, Any]]]:
    """Each service shown: its id → (level, its card as JSON with every field present)."""
    return {
        entry["id"]: (level["level"], ServiceCard.from_json(entry).to_json())
        for level in content["levels"]
        for entry in level["entries"]
    }


def _service_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    old, new = _shown(before), _shown(after)
    headings = {number: _heading(level) for number, level in _levels(after).items()}
    found = []
    for service_id, (level, card) in new.items():
        if service_id not in old:
            found.append(f"Added {card['name']} under “{headings.get(level, level)}”.")
            continue
        was_level, was = old[service_id]
        if was_level != level:
            found.append(f"Moved {card['name']} to “{headings.get(level, level)}”.")
        if card["scope"] == Scope.SCHOOL:
            fields = _changed(was, card, CARD_FIELDS)
            if fields:
                found.append(f"Changed the {_and(fields)} of {card['name']}.")
    found += [f"Removed {card['name']}." for i, (_, card) in old.items() if i not in new]
    return found + _order_changes(before, after, headings)


def _order_changes(
    before: dict[str, Any], after: dict[str, Any], headings: dict[int, str]
) -> list[str]:
    old, new = _levels(before), _levels(after)
    found = []
    for number, level in new.items():
        ids = [e["id"] for e in level["entries"]]
        was = [e["id"] for e in old[number]["entries"]] if number in old else []
        both = set(ids) & set(was)
        if [i for i in ids if i in both] != [i for i in was if i in both]:
            found.append(f"Changed the order of the support under “{headings[number]}”.")
    return found


def _school_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    if any(before.get(key) != after.get(key) for key in SCHOOL_FIELDS):
        return ["Changed the school’s own contact details."]
    if before.get("local_authority") != after.get("local_authority"):
        return ["Changed the local authority’s numbers in the emergency panel."]
    return []


def _changed(
    old: dict[str, Any], new: dict[str, Any], fields: tuple[tuple[str, str], ...]
) -> list[str]:
    names = [label for key, label in fields if old.get(key) != new.get(key)]
    return list(dict.fromkeys(names))


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
