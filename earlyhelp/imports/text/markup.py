"""Markup inside a text Offer: HTML tags and links, Markdown links and emphasis.

Converted Offers often carry fragments of HTML (`<p>`, `<a href="...">`) or Markdown
(`[label](#)`). We never render them. We find the links, and we build a *masked* copy of the
text of the same length in which markup characters are spaces, so that every pattern found
in the masked text has the same offsets in the original text (excerpts stay verbatim).
"""

import html
import re
from dataclasses import dataclass

TAG = re.compile(r"<!--[^>]{0,2000}?-->|</?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\s[^<>\n]{0,2000})?/?>")
ANCHOR_OPEN = re.compile(r"<a\s[^<>\n]{0,2000}>", re.IGNORECASE)
HREF = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
ANCHOR_CLOSE = "</a>"
MAX_LABEL = 2000
MD_LINK = re.compile(r"\[((?:\\.|[^\[\]\\\n]){0,1000})\]\(([^()\n]{0,2000})\)")
MD_EMPHASIS = re.compile(r"\*\*|__|(?m:^#{1,6}(?=\s))")
MD_ESCAPE = re.compile(r"\\(?=[()\[\]*_#.\-!])")
BLOCK_TAG = re.compile(r"</?(?:p|li|br|div|td|th|tr|table|ul|ol|h[1-6]|section)\b", re.I)
BOLD_TAG = re.compile(r"<(b|strong)>([^<>\n]{1,200})</\1>", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    """A link written as markup: `<a href="target">label</a>` or `[label](target)`."""

    kind: str  # "html" or "markdown"
    start: int  # the whole markup
    end: int
    label: str  # visible text of the label
    label_start: int
    label_end: int
    target: str  # unescaped href value ("" when empty)
    target_start: int


def find_links(text: str) -> list[Link]:
    links = [*_html_links(text), *_markdown_links(text)]
    return sorted(links, key=lambda link: link.start)


def _html_links(text: str) -> list[Link]:
    links = []
    for opening in ANCHOR_OPEN.finditer(text):
        href = HREF.search(opening.group(0))
        if href is None:
            continue
        close = text.find(ANCHOR_CLOSE, opening.end(), opening.end() + MAX_LABEL)
        if close < 0:
            continue
        group = next(i for i in (1, 2, 3) if href.group(i) is not None)
        label_raw = text[opening.end() : close]
        links.append(
            Link(
                kind="html",
                start=opening.start(),
                end=close + len(ANCHOR_CLOSE),
                label=_visible(label_raw),
                label_start=opening.end(),
                label_end=close,
                target=html.unescape(href.group(group)).strip(),
                target_start=opening.start() + href.start(group),
            )
        )
    return links


def _markdown_links(text: str) -> list[Link]:
    return [
        Link(
            kind="markdown",
            start=match.start(),
            end=match.end(),
            label=_visible(MD_ESCAPE.sub("", match.group(1))),
            label_start=match.start(1),
            label_end=match.end(1),
            target=match.group(2).strip(),
            target_start=match.start(2),
        )
        for match in MD_LINK.finditer(text)
    ]


def _visible(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


def mask_markup(text: str, links: list[Link]) -> str:
    """The text with tags, link brackets and targets, and Markdown marks replaced by spaces."""
    chars = list(text)
    for pattern in (TAG, MD_EMPHASIS, MD_ESCAPE):
        for match in pattern.finditer(text):
            _blank(chars, match.start(), match.end())
    for link in links:
        if link.kind == "markdown":
            _blank(chars, link.start, link.label_start)
            _blank(chars, link.label_end, link.end)
    return "".join(chars)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        _blank(chars, start, end)
    return "".join(chars)
