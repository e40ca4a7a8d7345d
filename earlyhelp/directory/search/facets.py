"""Filter words: the taxonomy terms and cost of a service, written into its search text.

Filtering by topic, level of need, referral route, delivery or "free" then happens inside
the full-text index, as a word every match must contain, instead of as a join per
service: an FTS5 doclist intersection on SQLite, a GIN index lookup on PostgreSQL. The
words cannot be mistaken for English: each starts with `zz` and ends with `0`, which also
keeps both backends' stemmers off them. `index_service` writes them from the service's
terms and cost options, so they change exactly when those do; status and ages are not facets
(they change without reindexing) and stay SQL conditions. Opening times are written as
hour-of-the-week words (`hours.py`), a superset that the exact SQL rule then narrows.
"""

from collections.abc import Iterable

from earlyhelp.directory import taxonomies

FREE = "zzfree0"
_KINDS = {
    taxonomies.TOPIC: "topic",
    taxonomies.LEVEL_OF_NEED: "level",
    taxonomies.REFERRAL_ROUTE: "route",
    taxonomies.DELIVERY: "delivery",
}


def facet(taxonomy: str, code: str) -> str:
    """The filter word for a term: ("earlyhelp-topic", "young-carers") → zztopicyoungcarers0."""
    letters = "".join(ch for ch in code.lower() if ch.isascii() and ch.isalnum())
    return f"zz{_KINDS[taxonomy]}{letters}0"


def facet_words(terms: Iterable[tuple[str, str]], *, free: bool) -> list[str]:
    """The filter words of a service with these (taxonomy, code) terms."""
    words = [facet(taxonomy, code) for taxonomy, code in terms if taxonomy in _KINDS]
    return [*dict.fromkeys(words), *([FREE] if free else [])]
