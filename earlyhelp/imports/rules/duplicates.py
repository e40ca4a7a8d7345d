"""duplicate-section: the same section or list of services repeated.

Two shapes are flagged once each:
  * a run of four or more lines/paragraphs repeated elsewhere in the same order that lists
    three or more organisations (a copied list or block), and
  * several sentences each repeated four or more times close together (a conversion that
    printed the same rows over and over).
A single organisation's entry shown in two sections (cross-listing) is not a duplicate, nor
is a short table (opening times) repeated by a conversion.
"""

import re
from collections import defaultdict

from earlyhelp.imports.contacts import addresses
from earlyhelp.imports.contacts.inventory import Inventory
from earlyhelp.imports.result import Code, Finding, Severity
from earlyhelp.imports.rules.common import finding
from earlyhelp.imports.text.document import Document, Unit

MIN_UNIT_CHARS = 12
MIN_RUN = 4
MIN_ORGANISATIONS = 3
MAX_SKIPS = 2
MIN_FRAGMENT_CHARS, MIN_FRAGMENT_WORDS, MIN_REPEATS = 40, 7, 4
DENSE_WINDOW = 8000
MIN_REPEATED_FRAGMENTS = 3
FRAGMENT = re.compile(r"[^.!?;•·▪\n\t]+")


def duplicate_findings(doc: Document, inventory: Inventory) -> list[Finding]:
    found = _repeated_blocks(doc, inventory)
    if not found:
        found = _repeated_prose(doc)
    return found


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _repeated_blocks(doc: Document, inventory: Inventory) -> list[Finding]:
    kept = [unit for unit in doc.units if len(_norm(unit.text)) >= MIN_UNIT_CHARS]
    texts = [_norm(unit.text) for unit in kept]
    positions: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        positions[text].append(i)
    covered: set[int] = set()
    found = []
    for p, text in enumerate(texts):
        later = [q for q in positions[text] if q > p]
        if p in covered or not later or later[0] in covered:
            continue
        q = later[0]
        length, end_a, end_b = _run(texts, p, q)
        if length < MIN_RUN:
            continue
        covered.update(range(p, end_a))
        covered.update(range(q, end_b))
        start = _extend_back(kept, texts, p, q)
        span = (kept[start].start, kept[end_b - 1].end)
        if _organisations(doc, inventory, span) < MIN_ORGANISATIONS:
            continue
        first = kept[start]
        message = (
            f"{length} paragraphs from '{kept[p].text[:50]}' onwards are repeated here; "
            "remove the second copy."
        )
        found.append(
            finding(doc, Code.DUPLICATE_SECTION, Severity.WARNING, message, first.start, first.end)
        )
    return found


def _run(texts: list[str], p: int, q: int) -> tuple[int, int, int]:
    """(matching units, end of first copy, end of second copy), allowing a changed line or two."""
    a, b, length, skips = p, q, 0, 0
    while a < q and b < len(texts):
        if texts[a] == texts[b]:
            a, b, length = a + 1, b + 1, length + 1
            continue
        step = _resync(texts, a, b, q)
        if step is None or skips >= MAX_SKIPS:
            break
        a, b, skips = a + step[0], b + step[1], skips + 1
    return length, a, b


def _resync(texts: list[str], a: int, b: int, limit: int) -> tuple[int, int] | None:
    """Skip a changed line, or a line the conversion broke in two in one copy only."""
    if a + 1 < limit and texts[a] + " " + texts[a + 1] == texts[b]:
        return 2, 1
    if b + 1 < len(texts) and texts[b] + " " + texts[b + 1] == texts[a]:
        return 1, 2
    for da, db in ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)):
        if a + da < limit and b + db < len(texts) and texts[a + da] == texts[b + db]:
            return da, db
    return None


def _extend_back(kept: list[Unit], texts: list[str], p: int, q: int) -> int:
    """The second copy may start with a line the conversion broke differently."""
    if p == 0 or q - 1 <= p:
        return q
    before_b = texts[q - 1]
    before_a = " ".join(texts[max(0, p - 2) : p])
    if len(before_b) >= 4 and (before_b in before_a or texts[p - 1] in before_b):
        return q - 1
    return q


def _organisations(doc: Document, inventory: Inventory, span: tuple[int, int]) -> int:
    """How many different organisations a stretch of text names: link labels and domains."""
    start, end = span
    marks = {link.label.lower() for link in doc.links if start <= link.start < end and link.label}
    marks |= {
        addresses.host_of(m.intended or m.raw).removeprefix("www.")
        for m in inventory.urls
        if start <= m.start < end
    }
    marks |= {m.raw.split("@")[-1].lower() for m in inventory.emails if start <= m.start < end}
    return len(marks)


def _dense(starts: list[int]) -> bool:
    """Repeated over and over in one place, not a stock sentence used across the Offer."""
    return any(
        starts[i + MIN_REPEATS - 1] - starts[i] <= DENSE_WINDOW
        for i in range(len(starts) - MIN_REPEATS + 1)
    )


def _repeated_prose(doc: Document) -> list[Finding]:
    positions: dict[str, list[int]] = defaultdict(list)
    for match in FRAGMENT.finditer(doc.visible):
        text = _norm(match.group(0))
        if len(text) >= MIN_FRAGMENT_CHARS and len(text.split()) >= MIN_FRAGMENT_WORDS:
            positions[text].append(
                match.start() + len(match.group(0)) - len(match.group(0).lstrip())
            )
    repeated = {text: starts for text, starts in positions.items() if _dense(starts)}
    if len(repeated) < MIN_REPEATED_FRAGMENTS:
        return []  # one stock sentence used again and again is not a repeated block
    text, starts = max(repeated.items(), key=lambda item: (len(item[1]), -item[1][0]))
    at = starts[1]
    message = (
        f"The same text ('{text[:50]}…') appears {len(starts)} times: a block of rows has been "
        "repeated, probably by a conversion. Keep one copy."
    )
    return [finding(doc, Code.DUPLICATE_SECTION, Severity.WARNING, message, at, at + 60)]
