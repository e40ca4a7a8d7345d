"""The concept lexicon: everyday phrases and the directory topics they mean.

Entries come from the data file shipped with the code (data/concepts.toml) and from the
additions directory editors make in the app (`ConceptEntry`), read together. A phrase is kept
as its stems; it matches a query whose stems hold the phrase's stems in order with at most
`MAX_GAP` other words between them, so "my dad keeps hitting my mum" matches "dad hits mum".
"""

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from earlyhelp.directory import taxonomies
from earlyhelp.directory.search.understand.text import stems, tokens

DATA_FILE = Path(__file__).resolve().parents[2] / "data" / "concepts.toml"
MAX_GAP = 2
TOPIC_NAMES = {t.code: t.name for t in taxonomies.TOPICS}


@dataclass(frozen=True)
class Entry:
    """One phrase and what it means."""

    phrase: str
    topics: tuple[str, ...]
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    entry: Entry
    positions: tuple[int, ...]  # which query words the phrase covered


@dataclass(frozen=True, eq=False)  # hashed by identity: its phrases are cached per lexicon
class Lexicon:
    entries: tuple[Entry, ...]
    spelling: dict[str, str]

    @property
    def words(self) -> frozenset[str]:
        """Every word the lexicon's phrases use (known words: never "corrected")."""
        return _words(self)

    def match(self, words: list[str]) -> list[Match]:
        """The entries whose phrase is in `words` (plain words), longest phrases first."""
        query = stems(words)
        starts = _by_first_stem(self)
        found: list[Match] = []
        for first in dict.fromkeys(query):
            for entry, phrase in starts.get(first, ()):
                positions = _find(phrase, query)
                if positions is not None:
                    found.append(Match(entry, positions))
        found.sort(key=lambda m: (-len(m.positions), m.entry.phrase))
        return _longest(found)


def _longest(matches: list[Match]) -> list[Match]:
    """Drop a match whose words a longer match already covers: "money worries" is money,
    not also worry."""
    kept: list[Match] = []
    for match in matches:
        covered = set(match.positions)
        if not any(covered < set(k.positions) for k in kept):
            kept.append(match)
    return kept


@lru_cache(maxsize=8)
def _by_first_stem(lexicon: Lexicon) -> dict[str, list[tuple[Entry, tuple[str, ...]]]]:
    starts: dict[str, list[tuple[Entry, tuple[str, ...]]]] = {}
    for entry, phrase in _phrases(lexicon):
        starts.setdefault(phrase[0], []).append((entry, phrase))
    return starts


@lru_cache(maxsize=8)
def _phrases(lexicon: Lexicon) -> tuple[tuple[Entry, tuple[str, ...]], ...]:
    return tuple(
        (entry, tuple(stems(tokens(entry.phrase, lexicon.spelling))))
        for entry in lexicon.entries
        if tokens(entry.phrase, lexicon.spelling)
    )


@lru_cache(maxsize=8)
def _words(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(w for e in lexicon.entries for w in tokens(e.phrase, lexicon.spelling))


def _find(phrase: tuple[str, ...], query: list[str]) -> tuple[int, ...] | None:
    """Positions of the phrase's stems in the query, in order, gaps of at most MAX_GAP."""
    for start, word in enumerate(query):
        if word != phrase[0]:
            continue
        positions, at = [start], start
        for part in phrase[1:]:
            window = query[at + 1 : at + 2 + MAX_GAP]
            if part not in window:
                break
            at = at + 1 + window.index(part)
            positions.append(at)
        else:
            return tuple(positions)
    return None


def validate_topics(codes: Iterable[str]) -> list[str]:
    """The codes that are not topics."""
    return [code for code in codes if code not in TOPIC_NAMES]


@lru_cache(maxsize=1)
def file_lexicon() -> Lexicon:
    """The lexicon shipped in the repository."""
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    entries = [
        Entry(phrase, tuple(concept["topics"]), tuple(concept.get("words", ())))
        for concept in data["concept"]
        for phrase in concept["phrases"]
    ]
    unknown = validate_topics({code for e in entries for code in e.topics})
    if unknown:
        raise ValueError(f"{DATA_FILE.name}: unknown topics {', '.join(sorted(unknown))}")
    return Lexicon(tuple(entries), dict(data.get("spelling", {})))


def with_additions(additions: Iterable[Entry]) -> Lexicon:
    """The file's lexicon and the editors' additions."""
    base = file_lexicon()
    extra = tuple(additions)
    return base if not extra else Lexicon(base.entries + extra, base.spelling)
