"""Query understanding: what a family typed, as words, topics and a place to search by.

`understand("my child is being bulied in WR9")` gives
- `words`: the words that say what the help is for, corrected and joined as the directory
  writes them ("bullied"; "child line" becomes "childline"), for the full-text index;
- `concepts`: topics the concept lexicon finds in the words (bullying), with the phrase;
- `corrections` and `did_you_mean`: "bulied" was read as "bullied";
- `place`: the postcode district WR9 (or a full postcode, an area, a place name).

Each step is its own module: `text` (case, apostrophes, text-speak, stems, filler words),
`vocabulary` (the directory's words: correction and joining), `lexicon` (phrases to topics),
`places` (postcodes and place names). The public search and the staff service chooser both
use this.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from earlyhelp.directory.search.understand import lexicon as lexicon_module
from earlyhelp.directory.search.understand.lexicon import TOPIC_NAMES, Entry, Lexicon, Match
from earlyhelp.directory.search.understand.places import Place
from earlyhelp.directory.search.understand.text import is_content, query_tokens, stem, tokens
from earlyhelp.directory.search.understand.vocabulary import Vocabulary

MAX_WORDS = 8
# Finds a place in a query: returns it and the text without it.
type PlaceFinder = Callable[[str], tuple[Place | None, str]]
MIN_JOINED = 6

__all__ = [
    "Concept",
    "Place",
    "Understood",
    "understand",
    "understand_with",
]


@dataclass(frozen=True)
class Concept:
    topic: str
    phrase: str
    covers: int = 1  # how many of the query's words the phrase explains

    @property
    def label(self) -> str:
        return TOPIC_NAMES.get(self.topic, self.topic)


@dataclass(frozen=True)
class Understood:
    typed: str
    words: tuple[str, ...] = ()
    concepts: tuple[Concept, ...] = ()
    extra_words: tuple[str, ...] = ()  # added by lexicon entries ("front door")
    covered: frozenset[str] = frozenset()  # words a concept phrase explained
    corrections: tuple[tuple[str, str], ...] = ()
    place: Place | None = None
    all_words: tuple[str, ...] = field(default=(), repr=False)

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.topic for c in self.concepts))

    @property
    def did_you_mean(self) -> str | None:
        if not self.corrections:
            return None
        fixed = dict(self.corrections)
        return " ".join(fixed.get(word, word) for word in self.all_words)

    @property
    def empty(self) -> bool:
        return not (self.words or self.concepts or self.extra_words or self.place)


def understand(text: str) -> Understood:
    """Understand `text` against the directory in use (its words, places and lexicon)."""
    from earlyhelp.directory.search.understand import context

    return understand_with(
        text,
        lexicon=context.lexicon(),
        vocabulary=context.vocabulary(),
        find_place=context.find_place,
    )


def understand_with(
    text: str,
    *,
    lexicon: Lexicon,
    vocabulary: Vocabulary,
    find_place: PlaceFinder | None = None,
) -> Understood:
    """`understand` with what it reads given: the unit tests call this."""
    place, rest = find_place(text) if find_place else (None, text)
    words = _spelled(_joined(query_tokens(rest), vocabulary), lexicon.spelling)
    corrections: list[tuple[str, str]] = []
    fixed: list[str] = []
    for word in words:
        better = None if word in lexicon.words else vocabulary.correct(word)
        if better:
            corrections.append((word, better))
        fixed.append(better or word)
    matches = lexicon.match(fixed)
    concepts = _concepts(matches)
    covered = frozenset(fixed[i] for m in matches for i in m.positions)
    content = [w for w in dict.fromkeys(fixed) if is_content(w)][:MAX_WORDS]
    extra = tuple(dict.fromkeys(w for m in matches for w in m.entry.words))
    return Understood(
        typed=text,
        words=tuple(content),
        concepts=concepts,
        extra_words=extra,
        covered=covered,
        corrections=tuple(corrections),
        place=place,
        all_words=tuple(words),
    )


def _joined(words: list[str], vocabulary: Vocabulary) -> list[str]:
    """Two words the directory writes as one are joined ("child line" is "childline"); one
    unknown word the directory writes as two is split ("domesticabuse")."""
    out: list[str] = []
    skip = 0
    for i, word in enumerate(words):
        if skip:
            skip -= 1
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        third = words[i + 2] if i + 2 < len(words) else ""
        if third and vocabulary.in_directory(word + after + third):
            out.append(word + after + third)  # "think u know" is "thinkuknow"
            skip = 2
            continue
        joined = word + after
        if after and vocabulary.in_directory(joined) and len(joined) >= MIN_JOINED:
            out.append(joined)
            skip = 1
            continue
        split = vocabulary.split(word) if word.isalpha() else None
        out.extend(split or [word])
    return out


def _spelled(words: list[str], spelling: dict[str, str]) -> list[str]:
    """Text-speak written out ("u" is "you"), after joining so that "think u know" stays one
    name."""
    return [part for word in words for part in tokens(word, spelling)]


def _concepts(matches: list[Match]) -> tuple[Concept, ...]:
    seen: dict[str, Concept] = {}
    for match in matches:  # longest first: a topic keeps its longest phrase
        for topic in match.entry.topics:
            seen.setdefault(topic, Concept(topic, match.entry.phrase, len(match.positions)))
    return tuple(seen.values())


# Re-exported for callers that build lexicons and vocabularies themselves (tests, eval).
Entry = Entry
file_lexicon = lexicon_module.file_lexicon
stem = stem
