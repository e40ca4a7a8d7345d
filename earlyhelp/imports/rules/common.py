"""Building findings: verbatim excerpts of 5-60 characters, one finding per distinct defect."""

from collections.abc import Callable, Hashable

from earlyhelp.imports.result import Code, Finding, Severity
from earlyhelp.imports.text.document import Document

MIN_EXCERPT, MAX_EXCERPT = 5, 60


def finding(
    doc: Document, code: Code, severity: Severity, message: str, start: int, end: int
) -> Finding:
    start, end = excerpt_span(doc.text, start, end)
    return Finding(code, severity, message, doc.text[start:end], start)


def excerpt_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Clip to 60 characters; widen to 5; never start or end on whitespace."""
    end = min(end, start + MAX_EXCERPT)
    while end - start > MIN_EXCERPT and text[start].isspace():
        start += 1
    while end - start > MIN_EXCERPT and text[end - 1].isspace():
        end -= 1
    while end - start < MIN_EXCERPT and (start > 0 or end < len(text)):
        if end < len(text):
            end += 1
        else:
            start -= 1
    return start, end


def first_per_key[T](items: list[T], key: Callable[[T], Hashable]) -> list[T]:
    seen: set[Hashable] = set()
    kept = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            kept.append(item)
    return kept
