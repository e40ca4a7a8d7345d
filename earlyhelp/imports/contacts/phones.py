"""Find phone numbers in running text, however they were wrapped, and judge each one.

Digits are read in groups. A run of groups joined by spaces, one line break, hyphens or dots
is split into numbers the way a UK caller would read them: the longest run of groups that
libphonenumber accepts (10 or 11 digits), then the next. A run that starts like a number
(`0` then an area code) but never becomes a valid one is an invalid number.
Helpline short codes (999, 101, 111, 116 123...) are found separately, in phone-ish context.
"""

import re
from dataclasses import dataclass

from earlyhelp.lib import phones

DIGITS = re.compile(r"\d+")
JOIN = re.compile(
    r"[ \t\u00a0]*\)?[ \t\u00a0]*(?:\n[ \t\u00a0]*)?\(?[ \t\u00a0]*|[ \t\u00a0]*[-.][ \t\u00a0]*"
)
BEFORE_START = re.compile(r"[\w/@=.%#&?-]\Z")
SHORT = re.compile(r"(?<![\w/.,@+-])(999|101|111|116[ \u00a0]?\d{3})(?![\w/-]|[.,]\d)")
SHORT_CONTEXT = re.compile(
    r"(?i)(call|tel|phone|ring|dial|number|contact|helpline|line|police|emergenc|999|101|"
    r"samaritans|childline|nhs)[^\n]{0,12}$"
)
SHORT_AFTER = re.compile(r"(?i)^[\s:]{0,3}(\(|or\b|for\b|helpline|police|\bin an emergency)")
MIN_DIGITS, MAX_DIGITS = 9, 12
MIN_VALID_DIGITS = 8  # Childline's 0800 1111 is a real 8-digit number


@dataclass(frozen=True)
class PhoneMention:
    start: int
    end: int
    raw: str  # as written (may span a line break)
    number: str | None  # E.164 or short-code digits; None when invalid
    kind: phones.PhoneKind | None
    reason: str = ""  # why an invalid number cannot be dialled


def find_phones(text: str) -> list[PhoneMention]:
    """Every phone number in `text` (already masked of markup, URLs and emails)."""
    groups = [(m.start(), m.end()) for m in DIGITS.finditer(text)]
    mentions: list[PhoneMention] = []
    i = 0
    while i < len(groups):
        j = _chain_end(text, groups, i)
        mentions.extend(_split_chain(text, groups[i : j + 1]))
        i = j + 1
    mentions.extend(_short_codes(text, {(m.start, m.end) for m in mentions}))
    return sorted(mentions, key=lambda mention: mention.start)


def _chain_end(text: str, groups: list[tuple[int, int]], i: int) -> int:
    """The last group that is joined to group i by phone-number separators."""
    j, digits = i, groups[i][1] - groups[i][0]
    while j + 1 < len(groups) and digits < 2 * MAX_DIGITS:
        gap = text[groups[j][1] : groups[j + 1][0]]
        if not gap or JOIN.fullmatch(gap) is None:
            break
        j += 1
        digits += groups[j][1] - groups[j][0]
    return j


def _split_chain(text: str, chain: list[tuple[int, int]]) -> list[PhoneMention]:
    found, pos = [], 0
    while pos < len(chain):
        if not _can_start(text, chain, pos):
            pos += 1
            continue
        end, mention = _longest_valid(text, chain, pos)
        if mention is None:
            end, mention = _invalid(text, chain, pos)
        if mention is not None:
            found.append(mention)
        pos = end + 1
    return found


def _can_start(text: str, chain: list[tuple[int, int]], pos: int) -> bool:
    start, end = chain[pos]
    digits = text[start:end]
    before = text[max(0, start - 2) : start]
    if before.endswith("+") and digits == "44":
        return True
    if not digits.startswith("0") or len(digits) < 3:
        return False
    return BEFORE_START.search(before.rstrip("(")) is None or before.endswith(" (")


def _digits(text: str, chain: list[tuple[int, int]], pos: int, end: int) -> str:
    parts = [text[s:e] for s, e in chain[pos : end + 1]]
    if parts[0] == "44" and text[chain[pos][0] - 1] == "+":
        rest = parts[1:]
        if rest and rest[0] == "0":
            rest = rest[1:]
        return "+44" + "".join(rest)
    return "".join(parts)


def _longest_valid(
    text: str, chain: list[tuple[int, int]], pos: int
) -> tuple[int, PhoneMention | None]:
    best: tuple[int, PhoneMention | None] = (pos, None)
    for end in range(pos, len(chain)):
        digits = _digits(text, chain, pos, end)
        if len(digits.lstrip("+")) > MAX_DIGITS + 1:
            break
        if len(digits.lstrip("+")) < MIN_VALID_DIGITS:
            continue
        try:
            phone = phones.parse(digits)
        except phones.InvalidPhone:
            continue
        start, stop = chain[pos][0], chain[end][1]
        best = (end, PhoneMention(start, stop, text[start:stop], phone.number, phone.kind))
    return best


def _invalid(text: str, chain: list[tuple[int, int]], pos: int) -> tuple[int, PhoneMention | None]:
    end = pos
    while (
        end + 1 < len(chain)
        and len(_digits(text, chain, pos, end)) < 10
        and not _can_start(text, chain, end + 1)
    ):
        end += 1
    digits = _digits(text, chain, pos, end)
    count = len(digits.lstrip("+"))
    if not MIN_DIGITS <= count <= MAX_DIGITS or text[chain[pos][0] : chain[pos][1]] == "44":
        return end, None
    start, stop = chain[pos][0], chain[end][1]
    raw = text[start:stop]
    return end, PhoneMention(start, stop, raw, None, None, _reason(digits))


def _reason(digits: str) -> str:
    national = "0" + digits[3:] if digits.startswith("+44") else digits
    prefix = national[:4]
    count = len(national)
    if count < 10:
        return f"it has only {count} digits; UK numbers have 10 or 11"
    if count > 11:
        return f"it has {count} digits; UK numbers have 10 or 11"
    return f"{prefix} numbers do not have {count} digits, or {prefix} is not a UK dialling code"


def _short_codes(text: str, taken: set[tuple[int, int]]) -> list[PhoneMention]:
    found = []
    for match in SHORT.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        if digits not in phones.SHORT_CODES or _inside(match.span(), taken):
            continue
        before = " ".join(text[max(0, match.start() - 40) : match.start()].split())
        after = text[match.end() : match.end() + 30]
        if not (
            digits.startswith("116") or SHORT_CONTEXT.search(before) or SHORT_AFTER.search(after)
        ):
            continue
        found.append(
            PhoneMention(
                match.start(), match.end(), match.group(1), digits, phones.PhoneKind.SHORT_CODE
            )
        )
    return found


def _inside(span: tuple[int, int], taken: set[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in taken)
