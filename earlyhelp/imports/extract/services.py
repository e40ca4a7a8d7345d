"""Services: one for each named organisation with contact details, with 1-3 topics.

Each working contact is given an owner: the name written just before it on its line
("Samaritans 116 123"), the label of its link, the short name line above it in the same
section ("Karma Nirvana" / "UK helpline: …"), or failing those the section's title. Contacts
that belong to the school's own people are left out, and so is a contact with no owner of its
own in a paragraph about the school's staff ("ring the office and ask for the DSL on …"): that
is how to reach a key person, not a service. Entries with the same name, or with web addresses
on the same (organisation-specific) site, are one service.
"""

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from earlyhelp.imports.contacts import addresses
from earlyhelp.imports.contacts.inventory import Inventory
from earlyhelp.imports.extract.contacts_in_units import Located, locate
from earlyhelp.imports.extract.roles import find_roles
from earlyhelp.imports.extract.topics import choose_topics
from earlyhelp.imports.result import Contacts, Person, Service
from earlyhelp.imports.text.document import Document, Unit
from earlyhelp.imports.text.sections import Section, section_at
from earlyhelp.imports.text.words import word_set

LABEL_TAIL = re.compile(
    r"(?i)(?:[\s:–—\-,;(|/]|\b(?:tel(?:ephone)?|phone(?:\s+line)?|call(?:\s+on)?|ring|helpline|"
    r"freephone|e-?mail(?:\s+address)?|web(?:site)?|text|mobile|fax|client\s+line|local|"
    r"national(?:\s+support\s+line)?|contact(?:\s+us)?|on|or|via|at|referral\s+email|"
    r"email\s+for\s+referrals|number|address|link|here|visit|see|go\s+to|uk\s+helpline|"
    r"general\s+enquiries|support\s+line|24\s*hr|self-referral)\b)+$"
)
LABEL_HEAD = re.compile(
    r"(?i)^(?:[\s•·▪\-–:]|\b(?:or|and|also|contact|visit|see|website|web|e-?mail|tel|telephone|"
    r"phone|facebook(?:\s+page)?|twitter(?:\s+account)?)\b)+"
)
NOT_A_NAME_START = word_set("""
    read call here for follow making make operating open opening monday tuesday wednesday
    thursday friday saturday sunday this these that there it is find click visit go see
    download please if to you we our your also they he she email phone text tel website web
    further useful general address helpline""")
SUBJECT = re.compile(
    r"^(?P<subject>[A-Z][^.!?]{1,70}?)\s+(?:is|are|has|have|provides?|supports?|gives?|offers?|"
    r"keeps?|runs?|works?|helps?|aims?|deliver(?:s)?|can)\b"
)
CAPITAL_TAIL = re.compile(r"(?:[A-Z][\w'’&-]*(?:\s+(?:and|of|for|the|&))?\s+)*[A-Z][\w'’&-]*$")
PERSON_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s")
CONTACT_TEXT = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\+?\d[\d \-]{2,}\d")
NEW_WINDOW = re.compile(r"(?i)\(\s*opens\s+in\s+a\s+new\s+window\s*\)|\((?:pdf|doc)[^)]*\)")
CONNECTORS = word_set("and of the for in on to with a an & at by from")
NOT_A_NAME = re.compile(
    r"(?i)^(?:useful\s+(?:links|websites)|further\s+(?:reading|information)|documents?|"
    r"contact(?:\s+details)?|website|web|email|e-mail|tel|telephone|phone|helpline|"
    r"general\s+advice|key\s+facts.*|making\s+a\s+referral|hate\s+crime|here|click\s+here|"
    r"download|for\s+more\s+information.*|more\s+information|information)$"
)
POLICE_CODES = frozenset({"999", "112", "101"})
# Roles that are always the school's own staff or governors (a "mental health lead" or an
# "emotional wellbeing practitioner" may be an outside service's).
STAFF_ROLES = word_set("""
    dsl deputy_dsl headteacher deputy_headteacher safeguarding_governor chair_of_governors
    senco designated_teacher_lac attendance_officer""")
STAFF_WORDS = re.compile(
    r"(?i)\b(?:school\s+office|class\s+teachers?|form\s+tutors?|the\s+office)\b"
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# Two or more capitalised words in a row: "Family Front Door", "Quiet Minds".
ORGANISATION = re.compile(r"\b[A-Z][\w'’&-]*(?:\s+(?:and|of|for|the|&)?\s*[A-Z][\w'’&-]*)+")
PERSON_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:[A-Z][\w'’-]*\s*){1,3}")
ROLE_NAME = re.compile(r"(?i)^(?:our|the|your|a|school|school's|school’s)\s+")
GENERIC_HOSTS = word_set("""
    gov.uk nhs.uk facebook.com twitter.com x.com youtube.com youtu.be bit.ly tinyurl.com
    instagram.com linkedin.com google.com publishing.service.gov.uk""")
MAX_LOOK_BACK = 4


@dataclass
class _Entry:
    name: str
    section: str
    context: str
    located: Located | None  # None for an address that does not work: the service is kept
    start: int
    staff: bool = False  # a contact of the school's own people, with no service named


class FoundServices(NamedTuple):
    services: list[Service]
    staff_contacts: list[Service]  # how to reach the school's own people: not services


def extract_services(
    doc: Document, sections: list[Section], inventory: Inventory, people: list[Person]
) -> FoundServices:
    personal = {("phones", p) for person in people for p in person.contacts.phones}
    personal |= {("emails", e) for person in people for e in person.contacts.emails}
    school_domains = {email.split("@")[-1] for person in people for email in person.contacts.emails}
    entries, emergency = [], []
    owners: dict[int, tuple[str, bool]] = {}
    for item in locate(doc, inventory):
        if (item.kind, item.value) in personal or _on_domain(item, school_domains):
            continue
        if item.kind == "phones" and item.value in POLICE_CODES:
            emergency.append(item)
            continue
        entries.append(_entry(doc, sections, item.start, item, owners))
    for mention in inventory.urls:
        if mention.problem:
            entries.append(_entry(doc, sections, mention.start, None, owners))
    entries.sort(key=lambda entry: entry.start)
    services = _group([entry for entry in entries if not entry.staff])
    _add_emergency_codes(services, emergency)
    return FoundServices(services, _group([entry for entry in entries if entry.staff]))


def _on_domain(item: Located, domains: set[str]) -> bool:
    if item.kind == "emails":
        return item.value.split("@")[-1] in domains
    return item.kind == "urls" and addresses.host_of(item.value).removeprefix("www.") in domains


def _entry(
    doc: Document,
    sections: list[Section],
    start: int,
    item: Located | None,
    owners: dict[int, tuple[str, bool]],
) -> _Entry:
    section = section_at(sections, start)
    title = section.title if section else ""
    unit = doc.unit_at(start)
    context = unit.text if unit else ""
    name = _link_name(doc, start) or _inline_name(doc, start, owners)
    inline = bool(name)
    if not name and unit is not None:
        name = _name_above(doc, unit, section.start if section else 0, owners)
    staff = (
        (not name or _is_staff_role(name)) and unit is not None and _staff_contact(doc, unit, start)
    )
    name = name or title or "Other contacts"
    if unit is not None and not staff:
        owners[unit.start] = (name, inline)
    return _Entry(name, title, f"{context} {title}", item, start, staff)


def _staff_contact(doc: Document, unit: Unit, start: int) -> bool:
    """The sentence around the contact tells you how to reach the school's own people ("ring
    the office and ask for the DSL on …") and names no organisation: not a service."""
    text = doc.visible[unit.start : unit.end]
    at = start - unit.start
    before = SENTENCE_END.split(text[:at])[-1]
    sentence = before + SENTENCE_END.split(text[at:], maxsplit=1)[0]
    roles = [m for m in find_roles(sentence) if m.role in STAFF_ROLES]
    if not roles and not STAFF_WORDS.search(sentence):
        return False
    for mention in reversed(roles):
        sentence = sentence[: mention.start] + " " + sentence[mention.end :]
    return not ORGANISATION.search(PERSON_NAME.sub(" ", CONTACT_TEXT.sub(" ", sentence)))


def _is_staff_role(name: str) -> bool:
    """'Our SENCO', 'The Designated Safeguarding Lead (DSL)': a role, not an organisation."""
    rest = ROLE_NAME.sub("", name).strip()
    roles = find_roles(rest)
    return len(roles) == 1 and roles[0].role in STAFF_ROLES and rest[roles[0].end :].strip() == ""


def _clean_label(text: str) -> str:
    text = NEW_WINDOW.sub(" ", text)
    text = LABEL_TAIL.sub("", " ".join(text.split()))
    text = LABEL_HEAD.sub("", text).strip(" .:;,–-|")
    after_colon = text.rsplit(": ", 1)[-1].strip()
    return after_colon if after_colon != text and _name_like(after_colon) else text


def _name_like(text: str) -> bool:
    words = re.findall(r"[A-Za-z0-9][\w'’&.-]*", text)
    if not words or len(words) > 9 or len(text) > 80 or NOT_A_NAME.match(text):
        return False
    letters = sum(ch.isalpha() for ch in text)
    if (
        letters < 3
        or letters * 2 < len(text.replace(" ", ""))
        or words[0].lower() in NOT_A_NAME_START
    ):
        return False
    if not (text[0].isupper() or text[0].isdigit()) or words[-1].lower() in CONNECTORS:
        return False
    lower = [w for w in words if w[0].islower() and w.lower() not in CONNECTORS]
    return len(lower) <= len(words) // 3 and not re.search(r"[.!?]\s", text)


def _inline_name(doc: Document, start: int, owners: dict[int, tuple[str, bool]]) -> str:
    """The name written just before the contact on its own line: 'Samaritans 116 123'."""
    unit = doc.unit_at(start)
    if unit is None:
        return ""
    before = CONTACT_TEXT.split(doc.visible[unit.start : start])[-1]
    label = _clean_label(before)
    if _name_like(label):
        return label
    tail = CAPITAL_TAIL.search(label)
    named = LABEL_HEAD.sub("", tail.group(0)).strip() if tail else ""
    if _name_like(named) and len(named.split()) >= 2:
        return named
    if unit.start in owners:
        return owners[unit.start][0]
    return _subject(unit.text)


def _subject(text: str) -> str:
    """'The Freedom Charity (UK charity) have a helpline…' -> 'The Freedom Charity (UK charity)'."""
    for sentence in re.split(r"(?<=[.!?])\s+", CONTACT_TEXT.sub(" ", text).strip())[:2]:
        match = SUBJECT.match(sentence.strip(" •·-–"))
        subject = match.group("subject").strip() if match else ""
        if subject and _name_like(subject) and not PERSON_TITLE.match(subject):
            return subject
    return ""


def _link_name(doc: Document, start: int) -> str:
    for link in doc.links:
        if link.target_start <= start < link.end or link.start <= start < link.end:
            label = _clean_label(link.label)
            generic = re.fullmatch(r"(?i)(?:website|web\s*site|here|click\s+here|link|more)", label)
            if (
                _name_like(label)
                and not generic
                and "www." not in label.lower()
                and "://" not in label
            ):
                return label
            tail = re.search(r"(?:[A-Z][\w'’&-]*\s?){1,5}$", label)
            return tail.group(0).strip() if tail and _name_like(tail.group(0).strip()) else ""
    return ""


def _name_above(
    doc: Document, unit: Unit, section_start: int, owners: dict[int, tuple[str, bool]]
) -> str:
    """A short name line above the contact, in the same section: 'Karma Nirvana'."""
    units = doc.units
    index = bisect.bisect_left(doc.unit_starts, unit.start)
    for back in range(index - 1, max(-1, index - 1 - MAX_LOOK_BACK), -1):
        above = units[back]
        if above.start < section_start:
            break
        if above.start in owners:
            name, inline = owners[above.start]
            return "" if inline else name
        label = _clean_label(above.text)
        if _name_like(label) and (above.bold or above.words <= 8):
            return label
        subject = _subject(above.text)
        if subject:
            return subject
        if above.words > 40:
            break
    return ""


def _key(name: str) -> str:
    name = re.sub(r"\([^)]*\)", " ", name.lower())
    words = [w for w in re.findall(r"[a-z0-9]+", name) if w not in ("the", "uk", "s")]
    return " ".join(words)


def _site(value: str) -> str | None:
    host = addresses.host_of(value).removeprefix("www.")
    if host in GENERIC_HOSTS or host.endswith((".gov.uk", ".nhs.uk")) or not host:
        return None
    return host


def _group(entries: list[_Entry]) -> list[Service]:
    services: list[Service] = []
    by_key: dict[str, Service] = {}
    by_site: dict[str, Service] = {}
    contexts: dict[int, list[str]] = {}
    for entry in entries:
        item = entry.located
        site = _site(item.value) if item is not None and item.kind != "phones" else None
        service = by_key.get(_key(entry.name)) or (by_site.get(site) if site else None)
        if service is None:
            service = Service(entry.name, [], Contacts(), entry.start)
            services.append(service)
            by_key[_key(entry.name)] = service
        if site:
            by_site.setdefault(site, service)
        if item is not None:
            service.contacts.add(item.kind, item.value)
        contexts.setdefault(id(service), []).append(entry.context)
        contexts[id(service)].append(entry.section)
    for service in services:
        context = " ".join(contexts[id(service)])
        service.topics = choose_topics(service.name, "", context)
    return services


def _add_emergency_codes(services: list[Service], codes: list[Located]) -> None:
    """999 and 101 are listed once, under the police service."""
    if not codes:
        return
    police = next((s for s in services if re.search(r"(?i)\bpolice\b", s.name)), None)
    if police is None:
        police = Service("Police", ["police", "emergency"], Contacts(), codes[0].start)
        services.append(police)
    for item in codes:
        police.contacts.add("phones", item.value)
