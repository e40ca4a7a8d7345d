"""Checks of the numbers and addresses an Offer gives: cost, typing slips, and dead domains.

The rules are the importer's (`earlyhelp.imports`), applied to stored values rather than to a
document, so an imported Offer and a hand-made one are judged alike.
"""

from earlyhelp.imports import data
from earlyhelp.imports.contacts.addresses import host_of, host_problem
from earlyhelp.imports.contacts.emails import problem as email_problem
from earlyhelp.imports.rules.area import foreign_reason, other_area_reason
from earlyhelp.imports.rules.consistency import differ_by_a_digit_or_two
from earlyhelp.lib import phones
from earlyhelp.offers.health.findings import Code, HealthFinding, Severity
from earlyhelp.offers.health.sources import OfferContents, Source

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def contact_findings(contents: OfferContents) -> list[HealthFinding]:
    found = []
    for source in contents.sources:
        found += source_findings(source, contents.home)
    return found + inconsistent_phones(contents.sources)


def source_findings(source: Source, home: data.Area | None) -> list[HealthFinding]:
    """Every check of one place's own numbers and addresses (not those across places)."""
    return [
        *costly_phones(source),
        *not_own_numbers(source),
        *invalid_emails(source),
        *invalid_urls(source),
        *retired_domains(source),
        *out_of_area_domains(source, home),
        *no_phone_or_hours(source),
    ]


def _finding(
    source: Source, code: Code, severity: Severity, message: str, fix: str
) -> HealthFinding:
    if source.keeper:
        fix = f"{fix} {source.keeper} keep this record: ask them to correct it."
    return HealthFinding(code, severity, message, source.where, fix, source.link)


def costly_phones(source: Source) -> list[HealthFinding]:
    found = []
    for number in source.phones:
        if not _is_costly(number):
            continue
        message = (
            f"{phones.format_for_display(number)} is a chargeable number: callers pay a service "
            "charge on top of their phone company's charge."
        )
        found.append(_finding(source, Code.PHONE_COSTLY, WARNING, message, _cheaper(source)))
    return found


def not_own_numbers(source: Source) -> list[HealthFinding]:
    """999, 112, 101 or 111 given as a person's or a service's own number."""
    if not source.own_numbers:
        return []
    found = []
    for number in source.phones:
        what = phones.NOT_OWN_NUMBERS.get(number)
        if what is None:
            continue
        message = (
            f"{number} is given as this {_kind_of(source)}’s own phone number, but it is "
            f"{what}: a family who calls it does not reach {_them(source)}."
        )
        fix = (
            "Replace it with their own number. Every page of your Offer already tells "
            "families to call 999 in an emergency."
        )
        found.append(_finding(source, Code.PHONE_INVALID, ERROR, message, fix))
    return found


def _kind_of(source: Source) -> str:
    return "person" if source.group == "school" else "service"


def _them(source: Source) -> str:
    return source.where.split(": ", 1)[-1]


def _is_costly(number: str) -> bool:
    try:
        return phones.parse(number).is_costly
    except phones.InvalidPhone:
        return False


def _cheaper(source: Source) -> str:
    """Point to a free or 03 number the same place already gives, when there is one."""
    for number in source.phones:
        if number.startswith(("+443", "+44800", "+44808")):
            return f"Use the {phones.format_for_display(number)} number instead."
    return "Use a free (0800 or 0808) or 03 number for this organisation instead."


def no_phone_or_hours(source: Source) -> list[HealthFinding]:
    """A service with no phone number and no opening times: a family cannot tell how or when
    to reach it."""
    if not source.unreachable:
        return []
    message = "This service has no phone number and no opening times."
    fix = "Add a phone number, or the days and times it is open."
    return [_finding(source, Code.MISSING_REQUIRED, WARNING, message, fix)]


def inconsistent_phones(sources: list[Source]) -> list[HealthFinding]:
    """Two numbers for one organisation a digit or two apart: one is probably a typing slip."""
    first_seen: dict[tuple[str, str], Source] = {}
    for source in sources:
        for number in source.phones:
            if source.group and number.startswith("+"):
                first_seen.setdefault((source.group, number), source)
    found = []
    keys = sorted(first_seen)
    for i, (group, a) in enumerate(keys):
        for other_group, b in keys[i + 1 :]:
            if other_group == group and differ_by_a_digit_or_two(a, b):
                found.append(_inconsistent(first_seen[group, a], a, first_seen[group, b], b))
    return found


def _inconsistent(first: Source, a: str, second: Source, b: str) -> HealthFinding:
    shown_a, shown_b = phones.format_for_display(a), phones.format_for_display(b)
    message = (
        f"{shown_b} differs by a digit or two from {shown_a} ({first.where}), given for the "
        "same organisation: one of them is probably a typing error."
    )
    fix = "Check which number is right by calling it, then correct the other."
    return _finding(second, Code.PHONE_INCONSISTENT, ERROR, message, fix)


def invalid_emails(source: Source) -> list[HealthFinding]:
    found = []
    for address in source.emails:
        reason = email_problem(address.lower())
        if reason:
            fix = "Correct the email address, or remove it."
            message = reason[0].upper() + reason[1:] + "."
            found.append(_finding(source, Code.EMAIL_INVALID, ERROR, message, fix))
    return found


def invalid_urls(source: Source) -> list[HealthFinding]:
    found = []
    for url in source.urls:
        reason = host_problem(host_of(url))
        if reason:
            message = f"The web address {url} {reason}."
            fix = "Correct the web address, or remove it."
            found.append(_finding(source, Code.URL_INVALID, ERROR, message, fix))
    return found


def _hosts(source: Source) -> list[tuple[str, str]]:
    """(address as shown, its host) for every email and web address."""
    hosts = [(address, address.rsplit("@", 1)[-1].lower()) for address in source.emails]
    return hosts + [(url, host_of(url)) for url in source.urls]


def retired_domains(source: Source) -> list[HealthFinding]:
    found = []
    for address, host in _hosts(source):
        retired = data.retired_domain(host)
        if retired is not None:
            message = f"{address} is on the {retired[0]} domain: {retired[1]}."
            fix = "Find the organisation's current address on its website and use that."
            found.append(_finding(source, Code.DOMAIN_RETIRED, ERROR, message, fix))
    return found


def out_of_area_domains(source: Source, home: data.Area | None) -> list[HealthFinding]:
    found = []
    for address, host in _hosts(source):
        reason = foreign_reason(host) or (other_area_reason(host, home) if home else None)
        if reason:
            fix = f"Check that {address} is meant for your families, or use your own area's."
            found.append(_finding(source, Code.OUT_OF_AREA, WARNING, reason, fix))
    return found
