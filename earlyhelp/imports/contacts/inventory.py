"""Every phone, email, web address and link in a document, found once, in document order.

Order matters: link targets first (an `href` is the truth about a link), then emails (an
address wrapped over two lines must not leave its tail to be read as a web address), then
web addresses, then phone numbers in what is left.
"""

import re
from dataclasses import dataclass, field

from earlyhelp.imports.contacts import addresses
from earlyhelp.imports.contacts.emails import EmailMention, find_emails, judge
from earlyhelp.imports.contacts.phones import PhoneMention, find_phones
from earlyhelp.imports.contacts.urls import UrlMention, find_urls
from earlyhelp.imports.text.document import Document
from earlyhelp.imports.text.markup import Link, blank_spans


@dataclass(frozen=True)
class LocalFile:
    start: int
    end: int
    path: str


@dataclass
class Inventory:
    phones: list[PhoneMention] = field(default_factory=list)
    emails: list[EmailMention] = field(default_factory=list)
    urls: list[UrlMention] = field(default_factory=list)
    placeholders: list[Link] = field(default_factory=list)
    local_files: list[LocalFile] = field(default_factory=list)

    def listed(self) -> list[tuple[int, str, str]]:
        """(offset, kind, value) of every contact that works as written, in document order."""
        found = [(m.start, "phones", m.number) for m in self.phones if m.number]
        found += [(m.start, "emails", m.address) for m in self.emails if m.address]
        found += [(m.start, "urls", m.url) for m in self.urls if m.url]
        return sorted((start, kind, value) for start, kind, value in found if value)


def take_inventory(doc: Document) -> Inventory:
    inventory = Inventory()
    for link in doc.links:
        _read_link(doc, link, inventory)
    emails = find_emails(doc.scan)
    inventory.emails.extend(emails)
    without_emails = blank_spans(doc.scan, [(m.start, m.through) for m in emails])
    local = [
        LocalFile(m.start(), m.end(), m.group(0))
        for m in addresses.LOCAL_FILE.finditer(without_emails)
    ]
    inventory.local_files.extend(local)
    without_files = blank_spans(without_emails, [(f.start, f.end) for f in local])
    urls = find_urls(without_files)
    inventory.urls.extend(urls)
    taken = [(m.start, m.end) for m in urls] + [(link.start, link.end) for link in doc.links]
    inventory.phones.extend(find_phones(blank_spans(without_files, taken)))
    for kind in ("phones", "emails", "urls"):
        getattr(inventory, kind).sort(key=lambda mention: mention.start)
    return inventory


def _read_link(doc: Document, link: Link, inventory: Inventory) -> None:
    target = link.target
    lowered = target.lower()
    if target in ("", "#"):
        inventory.placeholders.append(link)
    elif lowered.startswith("mailto:"):
        inventory.emails.append(_link_email(doc, link))
    elif lowered.startswith("tel:"):
        inventory.phones.extend(
            PhoneMention(link.label_start, link.label_end, m.raw, m.number, m.kind, m.reason)
            for m in find_phones(target[4:])[:1]
        )
    elif addresses.LOCAL_FILE.match(target):
        inventory.local_files.append(
            LocalFile(link.target_start, link.target_start + len(target), target)
        )
    elif re.match(r"(?i)^(https?:|www\.)", target):
        inventory.urls.extend(_shift(m, link.target_start) for m in find_urls(target)[:1])


def _link_email(doc: Document, link: Link) -> EmailMention:
    address = link.target[7:].split("?")[0].strip()
    label = doc.text[link.label_start : link.label_end]
    if address and address.lower() in label.lower():
        at = link.label_start + label.lower().index(address.lower())
    else:
        at = link.target_start + 7
    return judge(address, at)


def _shift(mention: UrlMention, by: int) -> UrlMention:
    return UrlMention(
        mention.start + by,
        mention.end + by,
        mention.raw,
        mention.url,
        mention.problem,
        mention.error,
        (mention.excerpt[0] + by, mention.excerpt[1] + by),
        mention.intended,
        mention.written,
    )
