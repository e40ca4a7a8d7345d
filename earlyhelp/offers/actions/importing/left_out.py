"""What a document lists like a service but is not one, so a save does not add it.

- An **emergency route**: "Police 999", "101", "NHS 111". Every public page already gives
  them in its emergency panel; a school service with 999 as its number would be wrong.
- A **school contact block**: the DSL's or the office's own details under a heading the
  importer took for a service ("Key contacts", "Designated Safeguarding Lead"), or contacts
  that are all the school's own (its people's numbers, its email domain).

The contract's JSON is unchanged (the gold tests judge it); only the save leaves these out
and says so on the review screen. The importer itself keeps apart a contact in a sentence
about the school's own people with no service named ("ask the office for the DSL on …",
`ImportResult.staff_contacts`): the save lists those here as the school's contacts too.
"""

import re
from dataclasses import dataclass, field

from earlyhelp.imports.extract.roles import ROLE_PATTERNS
from earlyhelp.imports.matching import names
from earlyhelp.imports.result import ImportResult
from earlyhelp.imports.result import Service as FoundService
from earlyhelp.lib.phones import NOT_OWN_NUMBERS
from earlyhelp.schools.models import KeyPerson, School

EMERGENCY = "emergency"
SCHOOL = "school"
# Headings of a block of the school's own contacts, not a service's name.
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
CONTACT_HEADING = re.compile(
    r"(?i)^(?:(?:our|school|key|useful|safeguarding|the)\s+)*(?:contacts?|contact\s+details|"
    r"team|staff|people|other\s+contacts|who\s+to\s+contact|safeguarding\s+team)$"
)


@dataclass(frozen=True)
class SchoolContacts:
    """Everything that reaches the school itself, as the importer normalises it."""

    phones: frozenset[str] = frozenset()
    domains: frozenset[str] = frozenset()
    names: frozenset[frozenset[str]] = field(default_factory=frozenset)

    def owns(self, kind: str, value: str) -> bool:
        if kind == "phones":
            return value in self.phones
        if kind == "emails":
            return value.rsplit("@", 1)[-1].lower() in self.domains
        return False


def school_contacts(school: School, result: ImportResult) -> SchoolContacts:
    people = list(school.key_people.all())
    phones = {school.phone, *(p.phone for p in people)}
    phones |= {n for p in result.people for n in p.contacts.phones}
    emails = [school.email, *(p.email for p in people)]
    emails += [e for p in result.people for e in p.contacts.emails]
    return SchoolContacts(
        phones=frozenset(n for n in phones if n),
        domains=frozenset(e.rsplit("@", 1)[-1].lower() for e in emails if "@" in e),
        names=frozenset(person_words(name) for name in _names(people, result)),
    )


def _names(people: list[KeyPerson], result: ImportResult) -> list[str]:
    return [p.name for p in people] + [p.name for p in result.people]


def left_out_reason(service: FoundService, school: SchoolContacts) -> str | None:
    """EMERGENCY, SCHOOL, or None for a service to save."""
    contacts = service.contacts
    only_phones = contacts.phones and not contacts.emails and not contacts.urls
    if only_phones and all(number in NOT_OWN_NUMBERS for number in contacts.phones):
        return EMERGENCY
    if _names_the_school(service.name, school):
        return SCHOOL
    found = [("phones", n) for n in contacts.phones] + [("emails", e) for e in contacts.emails]
    if found and not contacts.urls and all(school.owns(kind, v) for kind, v in found):
        return SCHOOL
    return None


def _names_the_school(name: str, school: SchoolContacts) -> bool:
    """A person's name, a role ("Designated Safeguarding Lead") or a contacts heading."""
    text = " ".join(name.split()).strip(" :")
    words = person_words(text)
    if CONTACT_HEADING.match(text) or (words and words in school.names):
        return True
    return any(pattern.fullmatch(text) for _, pattern in ROLE_PATTERNS)


def without_emergency_numbers(service: FoundService) -> list[str]:
    """A service's own numbers: 999, 112, 101 and 111 are the emergency panel's."""
    return [n for n in service.contacts.phones if n not in NOT_OWN_NUMBERS]


def person_words(name: str) -> frozenset[str]:
    """The words of a name without a title: "Mrs Ada Fenn" and "Ada Fenn" are one person."""
    return names.words(name) - TITLES
