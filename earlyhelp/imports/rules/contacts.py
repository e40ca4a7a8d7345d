"""Findings about contacts as written: numbers, addresses, links and retired domains."""

from collections import Counter

from earlyhelp.imports import data
from earlyhelp.imports.contacts import addresses
from earlyhelp.imports.contacts.inventory import Inventory
from earlyhelp.imports.contacts.urls import UrlMention
from earlyhelp.imports.result import Code, Finding, Severity
from earlyhelp.imports.rules.common import finding, first_per_key
from earlyhelp.imports.text.document import Document
from earlyhelp.lib import phones

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def contact_findings(doc: Document, inventory: Inventory) -> list[Finding]:
    return [
        *_invalid_phones(doc, inventory),
        *_costly_phones(doc, inventory),
        *_invalid_emails(doc, inventory),
        *_invalid_urls(doc, inventory),
        *_local_files(doc, inventory),
        *_placeholders(doc, inventory),
        *_retired_domains(doc, inventory),
    ]


def _one_line(raw: str) -> str:
    return " ".join(raw.split())


def _invalid_phones(doc: Document, inventory: Inventory) -> list[Finding]:
    invalid = [m for m in inventory.phones if m.number is None]
    found = []
    for mention in first_per_key(invalid, lambda m: "".join(ch for ch in m.raw if ch.isdigit())):
        written = _one_line(mention.raw)
        message = f"'{written}' cannot be dialled as written: {mention.reason}."
        if written.replace(" ", "").startswith(("084", "087", "09")):
            message += " It is also a chargeable number."
        found.append(finding(doc, Code.PHONE_INVALID, ERROR, message, mention.start, mention.end))
    return found


def _costly_phones(doc: Document, inventory: Inventory) -> list[Finding]:
    costly = [m for m in inventory.phones if m.kind is phones.PhoneKind.COSTLY]
    return [
        finding(
            doc,
            Code.PHONE_COSTLY,
            WARNING,
            f"'{_one_line(m.raw)}' is a chargeable number: callers pay a service charge on top "
            "of their phone company's charge. Ask the organisation for an 0800, 0808 or 03 number.",
            m.start,
            m.end,
        )
        for m in first_per_key(costly, lambda m: m.number)
    ]


def _invalid_emails(doc: Document, inventory: Inventory) -> list[Finding]:
    invalid = [m for m in inventory.emails if m.address is None]
    return [
        finding(
            doc, Code.EMAIL_INVALID, ERROR, m.reason[0].upper() + m.reason[1:] + ".", m.start, m.end
        )
        for m in first_per_key(invalid, lambda m: m.raw.lower())
    ]


def _invalid_urls(doc: Document, inventory: Inventory) -> list[Finding]:
    groups: list[list[UrlMention]] = []
    for mention in (m for m in inventory.urls if m.problem):
        group = next((g for g in groups if _same_address(g[0].intended, mention.intended)), None)
        if group is None:
            groups.append([mention])
        else:
            group.append(mention)
    return [_url_finding(doc, group) for group in groups]


def _same_address(a: str, b: str) -> bool:
    shorter, longer = sorted((a.rstrip("/-_"), b.rstrip("/-_")), key=len)
    return len(shorter) > len("https://www.") + 3 and longer.startswith(shorter)


def _url_finding(doc: Document, group: list[UrlMention]) -> Finding:
    """One finding per broken address: its most common defect, first place it shows."""
    counts = Counter((m.error, m.problem) for m in group)
    (error, _), _ = counts.most_common(1)[0]
    mention = next(m for m in group if (m.error, m.problem) == counts.most_common(1)[0][0])
    written = mention.written or _one_line(mention.raw)
    if len(written) > 80:
        written = written[:77] + "..."
    message = f"'{written}' {mention.problem}."
    if not error and mention.intended:
        message += f" It probably means {mention.intended}."
    severity = ERROR if error else WARNING
    return finding(doc, Code.URL_INVALID, severity, message, *mention.excerpt)


def _local_files(doc: Document, inventory: Inventory) -> list[Finding]:
    return [
        finding(
            doc,
            Code.LINK_LOCAL_FILE,
            ERROR,
            f"Links to a file on someone's computer or network drive ('{item.path[:60]}'), "
            "which families cannot open. Link to a published copy instead.",
            item.start,
            item.end,
        )
        for item in first_per_key(inventory.local_files, lambda item: item.path.lower())
    ]


def _placeholders(doc: Document, inventory: Inventory) -> list[Finding]:
    found = []
    for link in first_per_key(inventory.placeholders, lambda link: (link.kind, link.label.lower())):
        if not link.label:
            continue
        start, end = link.start, link.end
        if link.kind == "markdown" and end - start > 60:
            start = end - 60
        message = f"Link '{link.label}' has no target (href '{link.target or ''}')."
        found.append(finding(doc, Code.LINK_PLACEHOLDER, WARNING, message, start, end))
    return found


def _retired_domains(doc: Document, inventory: Inventory) -> list[Finding]:
    found = []
    hosts = [
        (m.start, m.end, m.address, m.address.split("@")[-1]) for m in inventory.emails if m.address
    ]
    hosts += [(m.start, m.end, m.url, addresses.host_of(m.url)) for m in inventory.urls if m.url]
    for start, end, address, host in first_per_key(sorted(hosts), lambda item: item[2]):
        retired = data.retired_domain(host)
        if retired is not None:
            message = f"{address} is on the {retired[0]} domain: {retired[1]}."
            found.append(finding(doc, Code.DOMAIN_RETIRED, ERROR, message, start, end))
    return found
