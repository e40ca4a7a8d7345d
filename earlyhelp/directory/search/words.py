"""Full-text match expressions for both backends, from words that are already safe.

The words come from query understanding (`understand/text.py`), which keeps only runs of
letters and digits, so quotes, `*`, `:`, `NEAR`, `AND`, brackets and the like are never read
as query syntax; here every word is still quoted (FTS5) or written bare (tsquery), and the
last word, if it has three letters or more, also matches as a prefix ("bereave" finds
"bereavement") the way a search box is typed.
"""

from collections.abc import Sequence

PREFIX_FROM = 3


def _prefixes(words: list[str]) -> list[bool]:
    """Which words match as prefixes: the last, if it has three letters or more."""
    last = len(words) - 1
    return [i == last and len(w) >= PREFIX_FROM for i, w in enumerate(words)]


def fts5_query(words: list[str], groups: Sequence[tuple[str, ...]] = ()) -> str:
    """An FTS5 MATCH expression: every word quoted (so never syntax), the last a prefix;
    then each group of filter words, any one of them."""
    return _and(
        [fts5_words(words), *("(" + " OR ".join(f'"{w}"' for w in g) + ")" for g in groups)]
    )


def fts5_words(words: list[str]) -> str:
    marks = _prefixes(words)
    return _and([f'"{w}"' + ("*" if m else "") for w, m in zip(words, marks, strict=True)])


def tsquery(words: list[str], groups: Sequence[tuple[str, ...]] = (), weight: str = "") -> str:
    """A `to_tsquery` expression: every word (only where it has `weight`, if given), the last
    one a prefix; then each group of filter words, any one of them."""
    marks = _prefixes(words)
    parts = [
        w + (":*" if m else ":" if weight else "") + weight
        for w, m in zip(words, marks, strict=True)
    ]
    parts += ["(" + " | ".join(group) + ")" for group in groups]
    return " & ".join(parts)


def _and(parts: list[str]) -> str:
    return " AND ".join(p for p in parts if p)
