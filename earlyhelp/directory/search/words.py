"""Turn what a family typed into words that every backend matches safely.

Only runs of letters and digits survive, so quotes, `*`, `:`, `NEAR`, `AND`, brackets and
the like are never read as query syntax. Common English words (PostgreSQL's English stop
list) and words that would match nearly every service ("help", "support") are dropped;
every other word must match (both backends stem English words, so "carer" finds "carers"),
and the last word, if it has three letters or more, also matches as a prefix ("bereave"
finds "bereavement") the way a search box is typed.
"""

import re
from collections.abc import Sequence

MAX_WORDS = 8
PREFIX_FROM = 3

# PostgreSQL's `english` stop list, so that both backends leave out the same words.
_STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against between
    into through during before after above below to from up down in out on off over under
    again further then once here there when where why how all any both each few more most other
    some such no nor not only own same so than too very s t can will just don should now
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Words in almost every service's description: requiring them would only lose results.
_FILLER_WORDS = frozenset(
    """
    help helps helping support supports supporting service services need needs want
    looking find get someone something
    """.split()  # noqa: SIM905
)
_WORD = re.compile(r"[^\W_]+")


def search_words(text: str) -> list[str]:
    """The words of a query, lower case, in order, without repeats."""
    words = _WORD.findall(text.casefold()[:200])
    kept = [w for w in words if w not in _STOP_WORDS and w not in _FILLER_WORDS]
    return list(dict.fromkeys(kept))[:MAX_WORDS]


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
