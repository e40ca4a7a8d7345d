"""Service names compared as sets of words, so that word order, case and punctuation differ.

A name is read in several forms: as written, without its bracketed part, the bracketed part
alone (often the acronym or the full name), and each side of a ` / `. Two names are *close*
when some pair of forms has a token-set (Jaccard) similarity of at least `CLOSE`: the words
both share, over the words either has. Small words and plural endings are ignored.
"""

import re
import unicodedata
from functools import lru_cache

CLOSE = 0.75
STOP_WORDS = frozenset({"the", "and", "of", "for", "a", "an", "in", "to", "on", "at", "with"})
BRACKETED = re.compile(r"\(([^)]*)\)")
SEPARATORS = re.compile(r"\s+[/|–—-]\s+|\s*/\s*")
NON_WORD = re.compile(r"[^a-z0-9]+")


def words(name: str) -> frozenset[str]:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ").replace("'", "")
    tokens = (_singular(token) for token in NON_WORD.split(text) if token)
    return frozenset(token for token in tokens if token not in STOP_WORDS)


def _singular(token: str) -> str:
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


@lru_cache(maxsize=8192)
def forms(name: str) -> tuple[frozenset[str], ...]:
    """The word sets a name can be recognised by."""
    name = name.replace("’", "'")
    texts = [name, BRACKETED.sub(" ", name), *BRACKETED.findall(name)]
    texts += [part for text in list(texts) for part in SEPARATORS.split(text)]
    found: list[frozenset[str]] = []
    for text in texts:
        tokens = words(text)
        if tokens and tokens not in found:
            found.append(tokens)
    return tuple(found)


def similarity(a: str, b: str) -> float:
    """The best token-set similarity between any form of `a` and any form of `b` (0 to 1)."""
    best = 0.0
    for one in forms(a):
        for other in forms(b):
            best = max(best, len(one & other) / len(one | other))
    return best


def same_name(a: str, b: str) -> bool:
    """Written the same, ignoring case, punctuation, small words and plural endings."""
    return words(a.replace("’", "'")) == words(b.replace("’", "'"))
