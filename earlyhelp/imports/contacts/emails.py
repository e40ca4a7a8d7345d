"""Find email addresses and judge whether each could be delivered as written."""

import re
from dataclasses import dataclass

from earlyhelp.imports import data

WRAPPED_TAIL = re.compile(r"[ \t]*\n[ \t]*([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?=[\s.,;)]|\Z)")
EMAIL = re.compile(r"(?<![\w.+'%-])[A-Za-z0-9][\w.+'%-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?")
LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\Z")
LOCAL = re.compile(r"^[\w.+'%-]+\Z")


@dataclass(frozen=True)
class EmailMention:
    start: int
    end: int
    raw: str
    address: str | None  # lower case; None when the address cannot work
    reason: str = ""
    through: int = -1  # end of the text it takes up, a wrapped tail included


def find_emails(text: str) -> list[EmailMention]:
    mentions = []
    for match in EMAIL.finditer(text):
        raw = match.group(0).rstrip(".")
        mention = judge(raw, match.start())
        tail = WRAPPED_TAIL.match(text, mention.end) if raw.endswith("-") else None
        if tail is not None:
            mention = EmailMention(
                mention.start, mention.end, raw, None, mention.reason, tail.end()
            )
        mentions.append(mention)
    return mentions


def judge(raw: str, start: int) -> EmailMention:
    address = raw.strip().lower()
    reason = problem(address)
    end = start + len(raw)
    return EmailMention(start, end, raw, None if reason else address, reason, end)


def problem(address: str) -> str:
    """Why `address` cannot be delivered, or "" if it looks deliverable."""
    if address.count("@") != 1:
        return f"'{address}' has no @" if "@" not in address else f"'{address}' has two @"
    local, domain = address.split("@")
    if not local or not LOCAL.match(local) or local.startswith(".") or ".." in local:
        return f"'{address}' has a malformed name before the @"
    labels = domain.split(".")
    if domain.endswith("-"):
        return f"'{address}' is cut off (the address is broken over two lines?)"
    if len(labels) < 2:
        return f"'{address}' has no top-level domain (such as .org.uk or .com)"
    if any(not LABEL.match(label) for label in labels):
        return f"'{address}' has a malformed domain (an empty part or a stray hyphen)"
    if not labels[-1].isalpha() or len(labels[-1]) < 2:
        return f"'{address}' ends in '.{labels[-1]}', which is not a top-level domain"
    if data.is_public_suffix(domain):
        return f"'{address}' has no organisation name before .{domain}"
    return ""
