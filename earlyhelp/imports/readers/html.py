"""HTML to text with the standard library's tokenizer: nothing is fetched, run or rendered.

Scripts, styles and other non-content elements are dropped with their contents. Block
elements end a line, table rows become tab-separated lines (`layout.table_row_lines`),
headings keep Markdown `#` marks and links become `[label](href)`, so the extractor sees the
same shapes as in a text Offer.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

from earlyhelp.imports.readers.layout import link_close, table_row_lines
from earlyhelp.imports.readers.plain import decode_text

SKIPPED = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "head"}
BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "section", "article", "header", "footer", "main",
    "nav", "aside", "blockquote", "pre", "hr", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
    "h6", "caption", "figure", "figcaption", "address", "title",
}  # fmt: skip
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}


def read_html_file(path: Path) -> str:
    return html_to_text(decode_text(path.read_bytes()))


def html_to_text(markup: str) -> str:
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return parser.text()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.pre_depth = 0
        self.links: list[str | None] = []
        self.table_depth = 0
        self.row: list[list[str]] = []  # cells of the current outer row, each a list of lines

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skip_depth += 1
        if self.skip_depth:
            return
        if tag == "table":
            self._break()
            self.table_depth += 1
        elif tag in ("td", "th"):
            self._break()
            if self.table_depth == 1:
                self.row.append([])
        elif tag == "tr" and self.table_depth == 1:
            self.row = []
        elif tag in BLOCKS:
            self._break()
        self._open_inline(tag, dict(attrs).get("href"))

    def _open_inline(self, tag: str, href: str | None) -> None:
        if tag in HEADINGS:
            self.current.append("#" * HEADINGS[tag] + " ")
        elif tag == "li":
            self.current.append("- ")
        elif tag == "pre":
            self.pre_depth += 1
        elif tag == "a":
            self.links.append(href)
            if href is not None:
                self.current.append("[")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag == "a" and self.links:
            href = self.links.pop()
            if href is not None:
                self.current.append(link_close(href))
        elif tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)
        if tag in BLOCKS or tag in ("td", "th"):
            self._break()
        elif tag == "tr" and self.table_depth == 1:
            self._break()
            self.lines.extend(table_row_lines(self.row))
            self.row = []
        elif tag == "table" and self.table_depth:
            self._break()
            self.table_depth -= 1
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if not self.pre_depth:
            self.current.append(re.sub(r"\s+", " ", data))
            return
        for i, part in enumerate(data.split("\n")):
            if i:
                self._break()
            self.current.append(part)

    def _break(self) -> None:
        """End the current line: into the open table cell, or into the document."""
        line = re.sub(r"[ \t]+", " ", "".join(self.current)).strip()
        self.current = []
        if not line:
            if not self.table_depth and self.lines and self.lines[-1]:
                self.lines.append("")
            return
        if self.table_depth and self.row:
            self.row[-1].append(line)
        else:
            self.lines.append(line)

    def text(self) -> str:
        self._break()
        if self.row:
            self.lines.extend(table_row_lines(self.row))
        return "\n".join(self.lines).strip("\n") + "\n"
