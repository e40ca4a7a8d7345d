"""A document excerpt as plain words for the review screen: no Markdown or HTML marks.

Findings keep their excerpts verbatim (the import contract); people read them through this.
"""

import html
import re

from earlyhelp.imports.text.markup import find_links, mask_markup

# A link cut by the excerpt's edge, so that find_links cannot see all of it.
CUT_LINK = re.compile(r"\]\([^)\s]*\)?|[\[\]]")


def plain_excerpt(excerpt: str) -> str:
    """`**Police**: [call 999](tel:999)` → `Police: call 999`."""
    masked = mask_markup(excerpt, find_links(excerpt))
    masked = CUT_LINK.sub(lambda m: " " * len(m.group()), masked)
    words = " ".join(html.unescape(masked).split())
    if any(ch.isalnum() for ch in words):
        return words
    return " ".join(excerpt.strip("[]()*_# ").split())
