"""Sections of an Offer: Markdown headings, table rows (titled by their first cell), title lines.

Converted Offers lay tables out in three ways, all handled here:
  * `label<TAB>content` with continuation lines starting with a tab (HTML, Word, some PDFs);
  * `<TAB>label` lines, then the content starting with a tab on a later line (other PDFs);
  * short title lines on their own between paragraphs, outside any table.
"""

import bisect
import re
from dataclasses import dataclass

HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+)$")
TAG = re.compile(r"<[^>]{0,400}>")
MAX_TITLE_WORDS = 16
MAX_TITLE_CHARS = 140


@dataclass(frozen=True)
class Section:
    start: int
    title: str
    kind: str  # "heading", "row", "title"


def _plain(text: str) -> str:
    text = TAG.sub(" ", text)
    text = re.sub(r"\*\*|__|\\(?=[()\[\]])|^#+", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(text.split()).strip(" :")


def _words(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][\w'’&-]*", text))


def _is_title(text: str) -> bool:
    return (
        0 < _words(text) <= MAX_TITLE_WORDS
        and len(text) <= MAX_TITLE_CHARS
        and not re.search(r"[.!?]$|@|https?:|www\.|\d{4,}", text)
    )


def find_sections(text: str) -> list[Section]:
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    sections: list[Section] = []
    in_table = False
    i = 0
    while i < len(lines):
        line, start = lines[i], offsets[i]
        heading = HEADING.match(line)
        if heading and _plain(heading.group(1)):
            sections.append(Section(start, _plain(heading.group(1)), "heading"))
            in_table = False
        elif "\t" in line and not line.startswith("\t"):
            label = _plain(line.split("\t", 1)[0])
            if _is_title(label) and not _continues_label(lines, i):
                sections.append(Section(start, label, "row"))
            elif sections and sections[-1].kind == "row" and _is_title(label):
                previous = sections[-1]
                sections[-1] = Section(previous.start, f"{previous.title} {label}", "row")
            in_table = True
        elif line.startswith("\t"):
            used = _tab_label(lines, i)
            if used:
                title = _plain(" ".join(lines[i : i + used]))
                if title:
                    sections.append(Section(start, title, "row"))
                in_table = True
                i += used
                continue
        elif not in_table and _standalone_title(lines, i):
            sections.append(Section(start, _plain(line), "title"))
        i += 1
    return sections


def _continues_label(lines: list[str], i: int) -> bool:
    """`Family Support<TAB>ortal.worcsch` carries on the row label above (a wrapped cell)."""
    if i == 0 or "\t" not in lines[i - 1]:
        return False
    cells = lines[i].split("\t")
    content = cells[1].strip() if len(cells) > 1 else ""
    return (
        bool(content)
        and (content[0].islower() or content[0] in "./_-")
        and "@" not in content
        and not content.startswith(("http", "www"))
    )


def _tab_label(lines: list[str], i: int) -> int:
    """Lines used by a `<TAB>label` row title followed by its `<TAB>content` (0 if not one)."""
    first = _plain(lines[i])
    if first and (not _is_title(first) or _words(first) > 8 or not first[0].isupper()):
        return 0
    if lines[i].startswith("\t\t") or (i > 0 and lines[i - 1].strip()):
        return 0
    j = i + 1
    while j < len(lines) and not lines[j].startswith("\t") and j - i <= 8:
        if lines[j].strip() and not _is_title(_plain(lines[j])):
            return 0
        j += 1
    if j >= len(lines) or j - i > 8:
        return 0
    title = _plain(" ".join(lines[i:j]))
    content = [_plain(line) for line in lines[j : j + 3]]
    starts_sentence = bool(content[0]) and content[0][0].isupper()
    prose = any(_words(line) >= 8 for line in content)
    return j - i if title and starts_sentence and prose else 0


def _standalone_title(lines: list[str], i: int) -> bool:
    text = _plain(lines[i])
    if not text or _words(text) > 7 or not text[0].isupper() or not _is_title(text):
        return False
    following = next((_plain(line) for line in lines[i + 1 : i + 4] if _plain(line)), "")
    return _words(following) >= 8 or following.startswith(("·", "•", "-"))


def section_at(sections: list[Section], offset: int) -> Section | None:
    starts = [section.start for section in sections]
    i = bisect.bisect_right(starts, offset) - 1
    return sections[i] if i >= 0 else None
