"""Dates an Offer states about itself: when it was written or reviewed, when it is next due."""

import itertools
import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
TERMS = {"autumn": 9, "spring": 1, "summer": 4, "winter": 1}
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
TERM = r"(?P<term>autumn|spring|summer|winter)(?:\s+term)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
DATE_FORMS = [
    rf"{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}",
    rf"{MONTH}\s+{DAY},?\s+{YEAR}",
    rf"{MONTH},?\s+{YEAR}",
    rf"{TERM},?\s+{YEAR}",
    rf"(?P<iso>{YEAR}-(?P<m>\d{{2}})-(?P<d>\d{{2}}))",
    r"(?P<dmy>(?P<dd>\d{1,2})[/.](?P<mm>\d{1,2})[/.](?P<yy>(?:19|20)?\d\d))",
]
DATES = [re.compile(form, re.IGNORECASE) for form in DATE_FORMS]
NEXT_REVIEW = re.compile(
    r"(?i)^[\W_]*(?:date\s+of\s+(?:next\s+)?review|(?:next\s+)?review\s+date|next\s+review(?:\s+due)?|"
    r"to\s+be\s+reviewed(?:\s+(?:by|on|in))?|review\s+due|due\s+for\s+review|renewal\s+date)\b"
)
LAST_REVIEW = re.compile(
    r"(?i)^[\W_]*(?:date(?:\s+(?:written|reviewed|approved|updated|of\s+issue|published))?|dated|"
    r"(?:last\s+)?reviewed(?:\s+(?:on|in))?|(?:last\s+)?updated(?:\s+(?:on|in))?|"
    r"written(?:\s+(?:on|in))?|approved(?:\s+(?:on|in|by\s+governors\s+on))?|"
    r"published|issued|version\s+date)\b"
)
MAX_LINE = 100
AFTER_LABEL = re.compile(
    r"\s*(?:[:\-–]|(?:(?:on|in|by|:)\s*)?(?:\d|[A-Za-z]+\.?,?\s+(?:\d|(?:19|20)\d\d)))"
)


@dataclass(frozen=True)
class StatedDate:
    when: date
    start: int  # the line that states it
    end: int
    written: str  # the date as written


def stated_dates(text: str) -> tuple[StatedDate | None, StatedDate | None]:
    """(the date the Offer was written or last reviewed, the date it is next due for review)."""
    last = next_due = None
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if len(line) > MAX_LINE or not line.strip():
            continue
        for clause_start, clause in _clauses(line):
            plain = re.sub(r"<[^>]*>|\*\*|#", " ", clause)
            if next_due is None and _labelled(NEXT_REVIEW, plain):
                next_due = _dated(clause, start + clause_start)
            elif last is None and _labelled(LAST_REVIEW, plain):
                last = _dated(clause, start + clause_start)
    return last, next_due


def _labelled(label: re.Pattern[str], text: str) -> bool:
    """'Date: May 2024', 'Reviewed on 3 May 2024' - but not 'Date of birth: …'."""
    match = label.search(text)
    return match is not None and AFTER_LABEL.match(text, match.end()) is not None


def _clauses(line: str) -> list[tuple[int, str]]:
    """'Reviewed: July 2026. Next review due: July 2027.' is two statements."""
    cuts = [0, *(m.end() for m in re.finditer(r"[.;|]\s+(?=[A-Z])|\t", line)), len(line)]
    return [(a, line[a:b]) for a, b in itertools.pairwise(cuts) if line[a:b].strip()]


def _dated(line: str, start: int) -> StatedDate | None:
    matches = [m for m in (pattern.search(line) for pattern in DATES) if m is not None]
    if not matches:
        return None
    match = min(matches, key=lambda m: m.start())
    when = parse_date(match)
    if when is None:
        return None
    left = len(line) - len(line.lstrip())
    right = len(line.rstrip())
    return StatedDate(when, start + left, start + right, match.group(0))


def parse_date(match: re.Match[str]) -> date | None:
    groups = {key: value for key, value in match.groupdict().items() if value}
    try:
        if "iso" in groups:
            return date(int(groups["year"]), int(groups["m"]), int(groups["d"]))
        if "dmy" in groups:
            year = int(groups["yy"])
            return date(year + 2000 if year < 100 else year, int(groups["mm"]), int(groups["dd"]))
        year = int(groups["year"])
        if "term" in groups:
            return date(year, TERMS[groups["term"].lower()], 1)
        month = MONTHS[groups["month"].lower().rstrip(".")]
        return date(year, month, int(groups.get("day", 1)))
    except (ValueError, KeyError):
        return None
