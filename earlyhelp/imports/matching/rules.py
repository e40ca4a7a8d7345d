"""Which directory record, if any, each imported service already is; and where they differ.

Evidence, strongest first (the weight ranks competing candidates):
- the same phone number (E.164), the same email address, or the same web address: 3;
- the same name, as `names.same_name` reads it: 3; a close name (`names.CLOSE`): 2;
- the same registrable web domain (`domains.registrable_domain`): 2.
A phone, email, address or domain that two or more candidate records hold, an emergency or
police number (999, 112, 101...), and a domain many organisations share (`shared_hosts.txt`)
only add weight (1) to other evidence: none of them is a match on its own. Each imported
service links to its best-scoring record (then the school's own before the county's before a
national one). Two imported services may link to one record (a document that repeats a
service, or names a charity and its helpline): the Offer shows the record once, and the
review screen shows each with its disagreements, where the person can unlink either.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from earlyhelp.imports.matching import names
from earlyhelp.imports.matching.domains import has_path, is_shared_host, registrable_domain, url_key
from earlyhelp.imports.result import Service

NOT_DISTINCTIVE_NUMBERS = frozenset({"999", "112", "101", "111", "105"})
STRONG, NAME_CLOSE, DOMAIN, WEAK = 3, 2, 2, 1
SCOPE_ORDER = {"school": 0, "local": 1, "national": 2}


@dataclass(frozen=True)
class Record:
    """A directory service as the matcher sees it."""

    pk: int
    name: str
    scope: str
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    field: str  # phone, email, url, domain, name
    value: str
    weight: int
    decisive: bool  # enough on its own to call it a match


@dataclass(frozen=True)
class Disagreement:
    field: str  # phone, email, url, name
    document: tuple[str, ...]
    directory: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    record: Record
    evidence: tuple[Evidence, ...]
    disagreements: tuple[Disagreement, ...]

    @property
    def score(self) -> int:
        return sum(e.weight for e in self.evidence)


Holders = dict[tuple[str, str], set[int]]


def match_services(services: Sequence[Service], records: Sequence[Record]) -> list[Match | None]:
    """For each imported service, in order, its best match or None (create a new one)."""
    holders = _holders(records)
    return [_best(service, records, holders) for service in services]


def _best(service: Service, records: Sequence[Record], holders: Holders) -> Match | None:
    found: list[tuple[int, int, int, Match]] = []
    for record in records:
        evidence = find_evidence(service, record, holders)
        if any(e.decisive for e in evidence):
            match = Match(record, evidence, disagreements(service, record))
            found.append((-match.score, SCOPE_ORDER.get(record.scope, 3), record.pk, match))
    return min(found, key=lambda row: row[:3])[3] if found else None


def _holders(records: Iterable[Record]) -> Holders:
    holders: Holders = defaultdict(set)
    for record in records:
        for kind, value in _values(record.phones, record.emails, record.urls):
            holders[kind, value].add(record.pk)
    return holders


def _values(
    phones: Iterable[str], emails: Iterable[str], urls: Iterable[str]
) -> set[tuple[str, str]]:
    values = {("phone", p) for p in phones} | {("email", e.lower()) for e in emails}
    for url in urls:
        values |= {("url", url_key(url)), ("domain", registrable_domain(url))}
    return {(kind, value) for kind, value in values if value}


def find_evidence(service: Service, record: Record, holders: Holders) -> tuple[Evidence, ...]:
    """Every reason to think `service` is `record`."""
    contacts = service.contacts
    mine = _values(contacts.phones, contacts.emails, contacts.urls)
    theirs = _values(record.phones, record.emails, record.urls)
    shared = mine & theirs
    evidence = [_evidence(kind, value, holders) for kind, value in sorted(shared)]
    if names.same_name(service.name, record.name):
        evidence.append(Evidence("name", record.name, STRONG, True))
    elif names.similarity(service.name, record.name) >= names.CLOSE:
        evidence.append(Evidence("name", record.name, NAME_CLOSE, True))
    return tuple(e for e in evidence if e.weight)


def _evidence(kind: str, value: str, holders: Holders) -> Evidence:
    alone = len(holders[kind, value]) == 1
    if kind == "phone" and value in NOT_DISTINCTIVE_NUMBERS:
        return Evidence(kind, value, 0, False)
    if kind == "domain":
        strong = alone and not is_shared_host(value)
        return Evidence(kind, value, DOMAIN if strong else WEAK, strong)
    if kind == "url":
        strong = alone and (has_path(value) or not is_shared_host(registrable_domain(value)))
        return Evidence(kind, value, STRONG if strong else WEAK, strong)
    return Evidence(kind, value, STRONG if alone else WEAK, alone)


def disagreements(service: Service, record: Record) -> tuple[Disagreement, ...]:
    """Where the document says something the directory record does not."""
    contacts = service.contacts
    found = []
    if contacts.phones and not set(contacts.phones) <= set(record.phones):
        found.append(Disagreement("phone", tuple(contacts.phones), record.phones))
    emails = {e.lower() for e in record.emails}
    if contacts.emails and not {e.lower() for e in contacts.emails} <= emails:
        found.append(Disagreement("email", tuple(contacts.emails), record.emails))
    keys = {url_key(u) for u in record.urls}
    if contacts.urls and not {url_key(u) for u in contacts.urls} <= keys:
        found.append(Disagreement("url", tuple(contacts.urls), record.urls))
    if names.similarity(service.name, record.name) < 1:
        found.append(Disagreement("name", (service.name,), (record.name,)))
    return tuple(found)
