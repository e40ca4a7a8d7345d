"""Key people: school staff and governors named with a role, and the contacts given for them.

Roles are read from how Offers write them: "Name – Role – Role", "The Role is: Name",
"Name is the Role", "The Role (Name)", a role line followed by a name line, and a staff-group
table row ("Pastoral Support Team") listing names. Contacts come from the lines that follow a
"The Role is: Name" declaration, or from the same sentence when the names come just before
the number ("…Trish Baker or Jo Hooper on 01527 …"). People named with no role from the
vocabulary (outside professionals, class teachers) are not listed.
"""

import itertools
import re
from dataclasses import dataclass, field

from earlyhelp.imports.contacts.inventory import Inventory
from earlyhelp.imports.extract import contacts_in_units as located
from earlyhelp.imports.extract.names import Name, find_names, name_at_start
from earlyhelp.imports.extract.roles import RoleMention, find_roles, role_words_span
from earlyhelp.imports.result import Contacts, Person
from earlyhelp.imports.text.document import Document, Unit
from earlyhelp.imports.text.sections import Section
from earlyhelp.imports.text.words import word_set

ROLE_TO_NAME = re.compile(
    r"^\s*(?:\([^()]{1,25}\)\s*)?(?:(?:is|are|will\s+be)\b\s*)?[:\-–—,(]?\s*$", re.I
)
NAME_LIST_GAP = re.compile(r"^\s*(?:\([^()]{0,30}\))?\s*(?:,|and|&|or|,\s*and|,\s*or)\s*$", re.I)
NAME_TO_ROLE_WORDS = word_set(
    "is also the our a an and as acting interim joint who school school's"
)
DECLARATION = re.compile(r"(?i)\b(?:is|are)\s*:|:\s*$|\bis\s*$|\bare\s*$")
GROUP_ROLES = (
    ("pastoral_lead", re.compile(r"(?i)\bpastoral\b")),
    ("family_support_lead", re.compile(r"(?i)\b(?:family\s+support|early\s+help)\b")),
    ("mental_health_lead", re.compile(r"(?i)\b(?:mental\s+health|well[\s-]*being|emotional)\b")),
    ("attendance_officer", re.compile(r"(?i)\battendance\b")),
    ("senco", re.compile(r"(?i)\b(?:send?co|sen|send|inclusion)\b")),
)
GROUP_WORDS = re.compile(
    r"(?i)\b(?:team|programme|program|lead|leads|staff|worker|workers|officer|manager|champion|"
    r"mentor|co-?ordinator|support)\b"
)
CONTACT_GAP_WORDS = word_set(
    "on or at via by phoning calling emailing tel telephone phone email e-mail call contact"
)
MAX_BLOCK_UNITS = 4
MAX_LABEL_WORDS = 0
CONTACT_TEXT = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\+?\d[\d \-]{2,}\d")
CONTACT_LABELS = word_set(
    "contact details email e-mail mail tel telephone phone mobile direct line via or and on at"
)


@dataclass
class _Person:
    name: Name
    roles: list[str] = field(default_factory=list)
    contacts: Contacts = field(default_factory=Contacts)
    start: int = 0


class _People:
    def __init__(self) -> None:
        self.people: list[_Person] = []

    def find(self, name: Name) -> _Person | None:
        matches = [person for person in self.people if person.name.same_person(name)]
        return matches[0] if len(matches) == 1 else None

    def add(self, name: Name, role: str, at: int) -> _Person:
        person = self.find(name)
        if person is None:
            person = _Person(name, start=at)
            self.people.append(person)
        person.name = person.name.fuller(name)
        if role not in person.roles:
            person.roles.append(role)
        return person


def extract_people(doc: Document, sections: list[Section], inventory: Inventory) -> list[Person]:
    people = _People()
    units = doc.units
    contacts = located.by_unit(doc, inventory)
    blocks: list[tuple[int, list[_Person]]] = []
    for index, unit in enumerate(units):
        text = doc.visible[unit.start : unit.end]
        names, roles = find_names(text), find_roles(text)
        pairs = _name_then_roles(text, names, roles) + _role_then_names(text, roles, names)
        declared = bool(pairs) and _is_declaration(text, pairs)
        block = index
        if not pairs and roles and not names:
            pairs = _role_line_then_name(doc, units, index, roles)
            declared, block = bool(pairs), index + 1
        assigned = [people.add(name, role, unit.start + name.start) for name, role in pairs]
        if declared:
            blocks.append((block, _unique(assigned)))
    _group_rows(doc, sections, people)
    _table_rows(doc, units, contacts, people)
    for index, persons in blocks:
        _block_contacts(doc, units, contacts, index, persons)
    _sentence_contacts(doc, units, contacts, people)
    return _as_contract_people(people)


def _unique(persons: list[_Person]) -> list[_Person]:
    seen: list[_Person] = []
    for person in persons:
        if all(person is not other for other in seen):
            seen.append(person)
    return seen


def _name_then_roles(
    text: str, names: list[Name], roles: list[RoleMention]
) -> list[tuple[Name, str]]:
    """'Mrs Trish Baker – Deputy Head teacher – Designated Safeguarding Lead (DSL)'."""
    pairs = []
    for i, name in enumerate(names):
        stop = names[i + 1].start if i + 1 < len(names) else len(text)
        between_start = name.end
        for role in (r for r in roles if name.end <= r.start < stop):
            gap = text[between_start : role.start]
            if not _role_gap_ok(gap, first=between_start == name.end):
                break
            pairs.append((name, role.role))
            between_start = role.end
    return pairs


def _role_gap_ok(gap: str, *, first: bool) -> bool:
    if re.search(r"[.!?;](?:\s|$)", gap):
        return False
    for start, end in role_words_span(gap):
        gap = gap[:start] + " " * (end - start) + gap[end:]
    plain = re.sub(r"\([^()]*\)", " ", gap)
    words = re.findall(r"[A-Za-z][\w'’-]*", plain)
    if first and words and words[0].lower() == "and":
        return False
    return all(word[0].isupper() or word.lower() in NAME_TO_ROLE_WORDS for word in words)


def _role_then_names(
    text: str, roles: list[RoleMention], names: list[Name]
) -> list[tuple[Name, str]]:
    """'The Deputy DSLs are: Ms N. Birmingham, Mr L. Boyd and Mrs S.Butt', 'The DSL (Mrs Baker)'."""
    pairs = []
    for i, role in enumerate(roles):
        limit = roles[i + 1].start if i + 1 < len(roles) else len(text)
        following = [name for name in names if role.end <= name.start < limit]
        if not following or not ROLE_TO_NAME.match(text[role.end : following[0].start]):
            continue
        pairs.append((following[0], role.role))
        for previous, name in itertools.pairwise(following):
            if not NAME_LIST_GAP.match(text[previous.end : name.start]):
                break
            pairs.append((name, role.role))
    return pairs


def _is_declaration(text: str, pairs: list[tuple[Name, str]]) -> bool:
    """A unit that introduces people whose contact details follow."""
    first = min(name.start for name, _ in pairs)
    return bool(DECLARATION.search(text[:first])) or not text[:first].strip()


def _role_line_then_name(
    doc: Document, units: list[Unit], index: int, roles: list[RoleMention]
) -> list[tuple[Name, str]]:
    """'The Deputy DSL' on one line and 'Paula Nicol' alone on the next."""
    unit = units[index]
    if unit.words > 10 or index + 1 >= len(units) or len(roles) != 1:
        return []
    text = doc.visible[unit.start : unit.end]
    before = text[: roles[0].start].strip().lower()
    if before not in ("", "the", "our", "our school's", "school") or not ROLE_TO_NAME.match(
        text[roles[0].end :]
    ):
        return []
    following = units[index + 1]
    name = name_at_start(following.text)
    if name is None or len(following.text) > len(name.full) + 12:
        return []
    shifted = Name(
        name.given, name.surname, following.start - unit.start, following.start - unit.start
    )
    return [(shifted, roles[0].role)]


def _group_rows(doc: Document, sections: list[Section], people: _People) -> None:
    """Names listed in a staff-group row ('Pastoral Support Team') take that group's role."""
    for i, section in enumerate(sections):
        role = _group_role(section.title)
        if role is None or section.kind != "row":
            continue
        end = sections[i + 1].start if i + 1 < len(sections) else len(doc.text)
        for unit in doc.units_between(section.start, end):
            text = doc.visible[unit.start : unit.end]
            if unit.column == 0 or find_roles(text):
                continue
            for name in _leading_names(text):
                people.add(name, role, unit.start + name.start)


def _table_rows(
    doc: Document, units: list[Unit], contacts: dict[int, list[located.Located]], people: _People
) -> None:
    """A staff table: 'Designated Safeguarding Lead<TAB>Mrs Helen Marsh<TAB>contact'."""
    for _, grouped in itertools.groupby(range(len(units)), key=lambda i: units[i].line):
        row = list(grouped)
        if len(row) < 2:
            continue
        cells = [(i, doc.visible[units[i].start : units[i].end]) for i in row]
        role_cells = [text for _, text in cells if _role_only(text)]
        name_cells = [names for _, text in cells if (names := _names_only(text))]
        if not role_cells or len(name_cells) != 1:
            continue
        persons = [
            people.add(name, role.role, units[row[0]].start)
            for text in role_cells
            for role in find_roles(text)
            for name in name_cells[0]
        ]
        found = [item for i in _row_and_continuation(units, row) for item in contacts.get(i, [])]
        _share(found, _unique(persons))


def _role_only(text: str) -> bool:
    return bool(find_roles(text)) and not find_names(text) and len(text.split()) <= 10


def _names_only(text: str) -> list[Name]:
    names = _leading_names(text)
    covered = sum(len(name.full) for name in names)
    return names if names and covered >= 0.6 * len(re.sub(r"\W", "", text)) else []


def _row_and_continuation(units: list[Unit], row: list[int]) -> list[int]:
    """The row's units and those of following lines that continue its cells (start with a tab)."""
    found = list(row)
    line = units[row[-1]].line
    for i in range(row[-1] + 1, len(units)):
        if units[i].column == 0 or units[i].line > line + 1:
            break
        found.append(i)
        line = units[i].line
    return found


def _group_role(title: str) -> str | None:
    matched = [role for role, pattern in GROUP_ROLES if pattern.search(title)]
    return matched[0] if len(matched) == 1 and GROUP_WORDS.search(title) else None


def _leading_names(text: str) -> list[Name]:
    """'Fiona O'Neill (teacher) and Paula King (TA) lead on this.' -> both names."""
    first = name_at_start(text)
    if first is None:
        return []
    names = [first]
    for name in find_names(text)[1:]:
        if not NAME_LIST_GAP.match(text[names[-1].end : name.start]):
            break
        names.append(name)
    return names


def _block_contacts(
    doc: Document,
    units: list[Unit],
    contacts: dict[int, list[located.Located]],
    index: int,
    persons: list[_Person],
) -> None:
    """Contacts after 'The Role is: Name', on its line or on contact lines below it."""
    unit = units[index]
    text = doc.visible[unit.start : unit.end]
    last_named: list[_Person] = persons
    for start, end in _sentences(text):
        named = [p for p in persons if _named_in(p, text[start:end])]
        in_sentence = [c for c in contacts.get(index, []) if start <= c.start - unit.start < end]
        if named:
            _share(in_sentence, named)
            last_named = named
    found: list[located.Located] = []
    for following in range(index + 1, min(len(units), index + 1 + MAX_BLOCK_UNITS)):
        if not _contact_line(doc, units[following]):
            break
        found.extend(contacts.get(following, []))
    _share(found, last_named)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; 'Ms N. Birmingham' and 'Mrs. Keen' do not end a sentence."""
    ends = [
        m.end()
        for m in re.finditer(r"[.!?]\s+(?=[A-Z])", text)
        if not re.search(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Mx|St))\Z", text[: m.start()])
    ]
    return list(itertools.pairwise([0, *ends, len(text)]))


def _named_in(person: _Person, text: str) -> bool:
    return any(person.name.same_person(name) for name in find_names(text))


def _contact_line(doc: Document, unit: Unit) -> bool:
    """A line that holds contact details and little else ('Contact details: email: …')."""
    text = CONTACT_TEXT.sub(" ", doc.visible[unit.start : unit.end])
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in CONTACT_LABELS]
    return len(words) <= MAX_LABEL_WORDS


def _share(found: list[located.Located], persons: list[_Person]) -> None:
    emails = [item for item in found if item.kind == "emails"]
    owners: dict[int, _Person] = {}
    for i, item in enumerate(emails):
        matches = [p for p in persons if _email_fits(item.value, p.name)]
        if len(matches) == 1:
            owners[i] = matches[0]
    free_people = [p for p in persons if all(p is not o for o in owners.values())]
    free_emails = [i for i in range(len(emails)) if i not in owners]
    if len(free_people) == 1 and len(free_emails) == 1:
        owners[free_emails[0]] = free_people[0]
    for i, item in enumerate(emails):
        targets = (
            [owners[i]]
            if i in owners
            else (persons if len(persons) == 1 or _generic(item.value) else [])
        )
        for person in targets:
            person.contacts.add("emails", item.value)
    for item in found:
        if item.kind == "phones" and item.value.startswith("+"):
            for person in persons:
                person.contacts.add("phones", item.value)


def _email_fits(address: str, name: Name) -> bool:
    local = re.sub(r"[^a-z]", "", address.split("@")[0].lower())
    surname = re.sub(r"[^a-z]", "", name.surname.lower())
    return len(surname) >= 3 and surname in local


def _generic(address: str) -> bool:
    local = address.split("@")[0].lower()
    return bool(
        re.match(r"^(office|admin|school|enquiries|enquiry|info|reception|head|mail)\b", local)
    )


def _sentence_contacts(
    doc: Document, units: list[Unit], contacts: dict[int, list[located.Located]], people: _People
) -> None:
    """'…contact Trish Baker, Sheila Holden or Jo Hooper on 01527 65576': the names just before."""
    for index, items in contacts.items():
        unit = units[index]
        text = doc.visible[unit.start : unit.end]
        names = find_names(text)
        for item in items:
            at = item.start - unit.start
            before = [name for name in names if name.end <= at]
            if not before or not _contact_gap_ok(text[before[-1].end : at]):
                continue
            chain = [before[-1]]
            for name in reversed(before[:-1]):
                if not NAME_LIST_GAP.match(text[name.end : chain[-1].start]):
                    break
                chain.append(name)
            for name in chain:
                person = people.find(name)
                if person is not None and (item.kind != "phones" or item.value.startswith("+")):
                    person.contacts.add(item.kind, item.value)


def _contact_gap_ok(gap: str) -> bool:
    if len(gap) > 70 or re.search(r"[.!?]\s", gap):
        return False
    plain = gap
    for role in reversed(find_roles(gap)):
        plain = plain[: role.start] + " " + plain[role.end :]
    words = re.findall(r"[A-Za-z][\w'’-]*", plain)
    return all(word.islower() for word in words) and (
        not words or any(word in CONTACT_GAP_WORDS for word in words) or len(words) <= 2
    )


def _as_contract_people(people: _People) -> list[Person]:
    result = []
    for person in sorted(people.people, key=lambda p: p.start):
        for role in person.roles:
            contacts = Contacts(list(person.contacts.phones), list(person.contacts.emails), [])
            result.append(Person(role, person.name.full, contacts, person.start))
    return result
