"""Never a dead end: the topics closest to a search that found nothing."""

from rapidfuzz import fuzz, process

from earlyhelp.directory import taxonomies
from earlyhelp.directory.search.understand import Understood

MAX_SUGGESTIONS = 5
MIN_SIMILARITY = 60
# Offered when nothing in the words is close to any topic: the broadest ways in.
DEFAULT_TOPICS = ("family-support", "mental-health", "safeguarding-general", "emergency")
_NAMES = {t.code: t.name for t in taxonomies.TOPICS}
_CHOICES = {
    f"{t.code}|{i}": text
    for t in taxonomies.TOPICS
    for i, text in enumerate((t.name, t.description, *t.synonyms))
}


def closest_topics(understood: Understood) -> tuple[tuple[str, str], ...]:
    """(topic code, name) of the topics nearest the words, then the broad defaults."""
    codes = list(understood.topics)
    text = " ".join(understood.words)
    if text:
        found = process.extract(
            text, _CHOICES, scorer=fuzz.WRatio, score_cutoff=MIN_SIMILARITY, limit=20
        )
        codes += [key.split("|")[0] for _, _, key in found]
    codes += DEFAULT_TOPICS
    return tuple((code, _NAMES[code]) for code in dict.fromkeys(codes))[:MAX_SUGGESTIONS]
