"""Never a dead end: the topics closest to a search that found nothing."""

from rapidfuzz import fuzz, process

from earlyhelp.directory import taxonomies
from earlyhelp.directory.search.understand import Understood
from earlyhelp.directory.search.understand.text import raw_tokens

MAX_SUGGESTIONS = 5
MIN_SIMILARITY = 80
# Offered when nothing in the words is close to any topic: the broadest ways in.
DEFAULT_TOPICS = ("family-support", "mental-health", "safeguarding-general", "emergency")
_NAMES = {t.code: t.name for t in taxonomies.TOPICS}
_WORDS = {
    f"{t.code}|{word}": word
    for t in taxonomies.TOPICS
    for word in raw_tokens(" ".join((t.name, t.description, *t.synonyms)))
    if len(word) > 3
}


def closest_topics(understood: Understood) -> tuple[tuple[str, str], ...]:
    """(topic code, name) of the topics whose words are nearest the query's, then the
    broad defaults."""
    codes = list(understood.topics)
    for word in understood.words:
        found = process.extract(
            word, _WORDS, scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY, limit=10
        )
        codes += [key.split("|")[0] for _, _, key in found]
    codes += DEFAULT_TOPICS
    return tuple((code, _NAMES[code]) for code in dict.fromkeys(codes))[:MAX_SUGGESTIONS]
