"""The directory's own words, for spelling correction and for joining split words.

Built from the names and search text of active services (at most `SAMPLE` of them, so a
county-scale directory builds it in a moment), counted by how many services use each word,
and kept in this process until a directory write (`forget`) or `MAX_AGE` seconds.

A word is corrected only when nothing knows it: not the directory, not the lexicon, not the
stop and filler lists. The correction is the known word nearest in edit distance, counting a
swap of two letters as one edit ("anxeity"), one edit for words of up to seven letters and
two from eight (so "number" is not made "member"), the most used on a tie.
"""

import time
from collections import Counter
from dataclasses import dataclass, field
from threading import Lock

from rapidfuzz import process
from rapidfuzz.distance import OSA

from earlyhelp.directory import taxonomies
from earlyhelp.directory.search.understand.text import (
    FILLER_WORDS,
    STOP_WORDS,
    raw_tokens,
    stem,
)

SAMPLE = 5_000
MAX_AGE = 300.0
MIN_CORRECTED = 4  # shorter words are left alone: too many near neighbours
LONG_WORD = 8  # from this length two edits may be corrected, below it one
MIN_SPLIT_PART = 3


@dataclass
class Vocabulary:
    counts: Counter[str]  # word -> how many services use it
    services: int
    extra: frozenset[str] = frozenset()  # known words that are not in the directory
    _stems: frozenset[str] = field(init=False)
    _choices: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self._stems = frozenset(stem(w) for w in [*self.counts, *self.extra])
        self._choices = sorted({*self.counts, *self.extra})

    def knows(self, word: str) -> bool:
        return (
            word in self.counts
            or word in self.extra
            or word in STOP_WORDS
            or word in FILLER_WORDS
            or stem(word) in self._stems
            or not word.isalpha()
        )

    def in_directory(self, word: str) -> bool:
        return word in self.counts

    def frequency(self, word: str) -> int:
        return self.counts.get(word, 0)

    def correct(self, word: str) -> str | None:
        """The nearest known word to an unknown one, or None."""
        if len(word) < MIN_CORRECTED or self.knows(word):
            return None
        limit = 1 if len(word) < LONG_WORD else 2
        found = process.extract(
            word, self._choices, scorer=OSA.distance, score_cutoff=limit, limit=20
        )
        if not found:
            return None
        best = min(found, key=lambda f: (f[1], -self.frequency(f[0]), f[0]))
        return str(best[0])

    def split(self, word: str) -> list[str] | None:
        """An unknown run-together word as two directory words ("domesticabuse")."""
        if self.knows(word):
            return None
        for at in range(MIN_SPLIT_PART, len(word) - MIN_SPLIT_PART + 1):
            left, right = word[:at], word[at:]
            if self.in_directory(left) and self.in_directory(right):
                return [left, right]
        return None


_lock = Lock()
_cache: dict[str, tuple[float, frozenset[str], Vocabulary]] = {}


def forget() -> None:
    """Build the vocabulary again at the next search (after a directory write)."""
    with _lock:
        _cache.clear()


def directory_vocabulary(extra: frozenset[str] = frozenset()) -> Vocabulary:
    """The cached vocabulary of the directory in use."""
    from django.db import connection

    key = f"{connection.vendor}:{connection.settings_dict.get('NAME')}"
    with _lock:
        cached = _cache.get(key)
        if cached and time.monotonic() - cached[0] < MAX_AGE and cached[1] is extra:
            return cached[2]
    vocabulary = build_vocabulary(extra)
    with _lock:
        _cache[key] = (time.monotonic(), extra, vocabulary)
    return vocabulary


def build_vocabulary(extra: frozenset[str] = frozenset()) -> Vocabulary:
    from earlyhelp.directory.models import Service, ServiceStatus

    rows = Service.objects.filter(status=ServiceStatus.ACTIVE).values_list("name", "search_text")
    counts: Counter[str] = Counter()
    services = 0
    for name, text in rows.order_by("id")[:SAMPLE].iterator():
        services += 1
        counts.update({w for w in raw_tokens(f"{name} {text}") if _word(w)})
    topics = {w for t in taxonomies.TOPICS for w in raw_tokens(f"{t.name} {' '.join(t.synonyms)}")}
    return Vocabulary(counts, services, frozenset({*extra, *topics}))


def _word(word: str) -> bool:
    return word.isalpha() and not word.startswith("zz")
