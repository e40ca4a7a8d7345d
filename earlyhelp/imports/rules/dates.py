"""Findings about time: a review date that has passed, statutory guidance cited by an old year."""

import re
from datetime import date

from earlyhelp.imports.extract.dates import StatedDate
from earlyhelp.imports.result import Code, Finding, Severity
from earlyhelp.imports.rules.common import finding
from earlyhelp.imports.text.document import Document

REVIEW_INTERVAL_DAYS = 365
# Statutory guidance that schools cite by edition: (how it is written, its current edition).
GUIDANCE = (
    (
        "Keeping Children Safe in Education",
        re.compile(
            r"(?i)(?:keeping\s+children\s+safe\s+in\s+education|\bKCSi?E\b)"
            r"[\s,:(\-–]{0,4}(?:\(?KCSi?E\)?[\s,(\-–]{0,3})?(?:(?:sept(?:ember)?|sep)\.?\s+)?"
            r"\(?((?:19|20)\d\d)\b"
        ),
        2025,
    ),
)


def review_findings(
    doc: Document, last: StatedDate | None, next_due: StatedDate | None, today: date
) -> list[Finding]:
    if next_due is not None:
        if next_due.when >= today:
            return []
        message = f"Stated review date ({next_due.written}) has passed as of {today.isoformat()}."
        return [
            finding(
                doc, Code.REVIEW_OVERDUE, Severity.WARNING, message, next_due.start, next_due.end
            )
        ]
    if last is not None and (today - last.when).days > REVIEW_INTERVAL_DAYS:
        message = (
            f"Last reviewed {last.written}, more than a year before {today.isoformat()}, and no "
            "next review date is given; Offers are reviewed every year."
        )
        return [finding(doc, Code.REVIEW_OVERDUE, Severity.WARNING, message, last.start, last.end)]
    return []


def guidance_findings(doc: Document) -> list[Finding]:
    found = []
    for title, pattern, current in GUIDANCE:
        cited: set[int] = set()
        for match in pattern.finditer(doc.visible):
            year = int(match.group(1))
            if year >= current or year in cited:
                continue
            cited.add(year)
            message = f"Cites {title} {year}; the current edition is {current}."
            found.append(
                finding(doc, Code.GUIDANCE_OUTDATED, Severity.WARNING, message, *match.span())
            )
    return found
