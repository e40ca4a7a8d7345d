"""The document as the extractor sees it: text, masked text, links, lines, units and headings.

A *unit* is the smallest piece of layout: a table cell on one line, or a paragraph/list item
of inline HTML. Units and headings are what people, services and topics are read from.
"""

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property

from earlyhelp.imports.text.markup import (
    BLOCK_TAG,
    BOLD_TAG,
    Link,
    blank_spans,
    find_links,
    mask_markup,
)

BULLET = re.compile(r"^[\s•·▪◦●○■□\-–*]+")
WORD = re.compile(r"[A-Za-z0-9][\w'’&-]*")


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    line: int
    column: int  # 0 for the first cell of a tabbed line
    text: str  # visible text, whitespace collapsed, bullets removed
    bold: bool = False

    @property
    def words(self) -> int:
        return len(WORD.findall(self.text))


@dataclass(frozen=True)
class Heading:
    start: int
    text: str
    level: int  # 1 section (Markdown heading, table row label), 2 sub-heading


@dataclass
class Document:
    text: str
    links: list[Link] = field(init=False)
    visible: str = field(init=False)

    def __post_init__(self) -> None:
        self.links = find_links(self.text)
        self.visible = mask_markup(self.text, self.links)

    @cached_property
    def scan(self) -> str:
        """Visible text without the labels of links that have a real target.

        `<a href="http://x.org/">www.x.org/</a>` is one address: the href is the truth.
        """
        spans = [
            (link.label_start, link.label_end)
            for link in self.links
            if link.target and link.target != "#"
        ]
        return blank_spans(self.visible, spans)

    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def line_number(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    def line_span(self, number: int) -> tuple[int, int]:
        start = self.line_starts[number]
        end = self.text.find("\n", start)
        return start, len(self.text) if end < 0 else end

    @cached_property
    def units(self) -> list[Unit]:
        bold = {(m.start(2), m.end(2)) for m in BOLD_TAG.finditer(self.text)}
        units = []
        for number, start in enumerate(self.line_starts):
            units.extend(self._line_units(number, start, bold))
        return units

    def _line_units(self, number: int, start: int, bold: set[tuple[int, int]]) -> list[Unit]:
        _, end = self.line_span(number)
        raw = self.text[start:end]
        cuts = {0, len(raw)}
        column_at: dict[int, int] = {}
        pipes = raw.lstrip().startswith("|")
        for i, ch in enumerate(raw):
            if ch == "\t" or (pipes and ch == "|"):
                cuts.add(i)
                column_at[i] = len(column_at) + 1
        cuts.update(m.start() for m in BLOCK_TAG.finditer(raw))
        units, column = [], 0
        edges = sorted(cuts)
        for left, right in itertools.pairwise(edges):
            column = column_at.get(left, column)
            text = BULLET.sub("", " ".join(self.visible[start + left : start + right].split()))
            if text:
                skip = 1 if left in column_at else 0
                span = (start + left + skip, start + right)
                is_bold = any(s >= span[0] and e <= span[1] for s, e in bold) and len(text) < 80
                units.append(Unit(span[0], span[1], number, column, text, is_bold))
        return units

    @cached_property
    def unit_starts(self) -> list[int]:
        return [unit.start for unit in self.units]

    def units_between(self, start: int, end: int) -> list[Unit]:
        i = bisect.bisect_left(self.unit_starts, start)
        j = bisect.bisect_left(self.unit_starts, end)
        return self.units[i:j]

    def unit_at(self, offset: int) -> Unit | None:
        i = bisect.bisect_right(self.unit_starts, offset) - 1
        if i >= 0 and self.units[i].start <= offset < self.units[i].end:
            return self.units[i]
        return None
