"""Rank services for an understood query: by how well each one matches, never AND to nothing.

The database finds the candidates: every active service, within the filters, whose name or
search text holds *any* of the query's words, its concepts' topic words or a lexicon entry's
words (an OR over the full-text index: FTS5 on SQLite, the tsvector on PostgreSQL), at most
`CANDIDATES` of them. Each candidate is then scored here, in Python, from its name and search
text with the one English Snowball stemmer, so both databases rank the same candidates the
same way:

- a topic the query means (concept lexicon) that the service has: 5, 1.5 more for each
  query word its phrase explains, and 1.5 more if it is the service's main topic;
- each query word in the name: 3, in the rest of its text: 1, weighted by how rare the word
  is in the directory (and halved when a concept already explains the word);
- a lexicon entry's own words ("front door") in the name: 4;
- every query word in the name: 3 more; what was typed, word for word, in the name: 6;
- the place of the query: 12 for a service delivered there (3 if only a stray word of the
  query matched it), up to 3 for one nearby when
  postcode centroids are loaded.

Ties go by name, then id. `Scored.why` says what matched, for the results page.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db import connection

from earlyhelp.directory import taxonomies
from earlyhelp.directory.search.facets import facet
from earlyhelp.directory.search.filters import Where
from earlyhelp.directory.search.understand import Understood
from earlyhelp.directory.search.understand.places import Place, area_of, district_of
from earlyhelp.directory.search.understand.text import STOP_WORDS, raw_tokens, stem
from earlyhelp.directory.search.understand.vocabulary import Vocabulary

CANDIDATES = 200
PREFIX_FROM = 3
CONCEPT, PER_WORD_EXPLAINED, MAIN_TOPIC = 5.0, 1.5, 1.5
IN_NAME, IN_TEXT, ALL_IN_NAME, EXTRA_IN_NAME, TYPED_IN_NAME = 3.0, 1.0, 3.0, 4.0, 6.0
AT_PLACE, AT_PLACE_WEAK, NEARBY, NEARBY_KM = 12.0, 3.0, 3.0, 30.0

SQLITE_CANDIDATES = (
    "SELECT s.id, s.name, s.search_text FROM directory_service_fts f"
    " JOIN directory_service s ON s.id = f.rowid"
    " WHERE directory_service_fts MATCH %s AND {where} LIMIT %s"
)
PG_CANDIDATES = (
    "SELECT s.id, s.name, s.search_text FROM directory_service s"
    " WHERE s.search_vector @@ to_tsquery('english', %s) AND {where} LIMIT %s"
)
ALL_CANDIDATES = (
    "SELECT s.id, s.name, s.search_text FROM directory_service s WHERE {where}"
    " ORDER BY s.name, s.id LIMIT %s"
)


@dataclass(frozen=True)
class Scored:
    id: int
    name: str
    score: float
    why: tuple[str, ...]


def rank(
    understood: Understood,
    groups: Sequence[tuple[str, ...]],
    where: Where,
    vocabulary: Vocabulary,
) -> tuple[list[Scored], bool]:
    """Candidates best first, and whether there were more than `CANDIDATES`."""
    rows = _candidates(understood, groups, where)
    more = len(rows) > CANDIDATES
    rows = rows[:CANDIDATES]
    places = _service_places([row[0] for row in rows]) if understood.place else {}
    weights = _word_weights(understood, vocabulary)
    scored = [_score(understood, weights, row, places.get(row[0])) for row in rows]
    scored = [s for s in scored if s.score > 0]
    scored.sort(key=lambda s: (-round(s.score, 6), s.name, s.id))
    return scored, more


def search_terms(understood: Understood) -> list[str]:
    """The words and topic words any of which a candidate must hold."""
    words = [*understood.words, *(w for e in understood.extra_words for w in raw_tokens(e))]
    topics = [facet(taxonomies.TOPIC, code) for code in understood.topics]
    return [*dict.fromkeys(words), *topics]


def _candidates(
    understood: Understood, groups: Sequence[tuple[str, ...]], where: Where
) -> list[tuple[int, str, str]]:
    terms = search_terms(understood)
    if not terms:
        sql = ALL_CANDIDATES.format(where=where.sql)
        return _rows(sql, [*where.params, CANDIDATES + 1])
    last = understood.words[-1] if understood.words else ""
    if connection.vendor == "sqlite":
        parts = [
            '"' + t + '"' + ("*" if t == last and len(t) >= PREFIX_FROM else "") for t in terms
        ]
        match = " AND ".join(
            [
                "(" + " OR ".join(parts) + ")",
                *("(" + " OR ".join(f'"{w}"' for w in g) + ")" for g in groups),
            ]
        )
        sql = SQLITE_CANDIDATES.format(where=where.sql)
    else:
        parts = [t + (":*" if t == last and len(t) >= PREFIX_FROM else "") for t in terms]
        match = " & ".join(
            ["(" + " | ".join(parts) + ")", *("(" + " | ".join(g) + ")" for g in groups)]
        )
        sql = PG_CANDIDATES.format(where=where.sql)
    return _rows(sql, [match, *where.params, CANDIDATES + 1])


def _rows(sql: str, params: Sequence[Any]) -> list[tuple[int, str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(int(r[0]), str(r[1]), str(r[2] or "")) for r in cursor.fetchall()]


@dataclass(frozen=True)
class _Text:
    name: frozenset[str]
    name_words: tuple[str, ...]
    text: frozenset[str]
    text_words: tuple[str, ...]
    topics: tuple[str, ...]  # topic filter words, main topic first


@lru_cache(maxsize=20_000)
def _analyse(name: str, text: str) -> _Text:
    """The words ranking reads. The filter words (`facets.py`, `hours.py`) are the last line
    of the search text: split there, only the topic words are kept of it, without a regex."""
    name_words = tuple(raw_tokens(name))
    body, _, last = text.rpartition("\n")
    filters = last.split() if last.startswith("zz") else []
    words = raw_tokens(body if filters else text)
    plain = tuple(w for w in words if not w.startswith("zz"))
    topics = tuple(w for w in [*words, *filters] if w.startswith("zztopic"))
    return _Text(
        frozenset(stem(w) for w in name_words),
        name_words,
        frozenset(stem(w) for w in plain),
        tuple(dict.fromkeys(plain)),
        topics,
    )


def _word_weights(understood: Understood, vocabulary: Vocabulary) -> dict[str, float]:
    """How much each word counts: rarer words more; words a concept explains half."""
    total = max(1, vocabulary.services)
    weights = {}
    for word in understood.words:
        rarity = math.log(1 + total / (1 + vocabulary.frequency(word)))
        weight = 0.5 + min(rarity, 4.0) / 2
        weights[word] = weight / 2 if word in understood.covered else weight
    return weights


def _score(
    understood: Understood,
    weights: dict[str, float],
    row: tuple[int, str, str],
    where_delivered: "_Delivered | None",
) -> Scored:
    service_id, name, search_text = row
    text = _analyse(name, search_text)
    score, why = 0.0, []
    for concept in understood.concepts:
        word = facet(taxonomies.TOPIC, concept.topic)
        if word in text.topics:
            score += CONCEPT + PER_WORD_EXPLAINED * concept.covers
            score += MAIN_TOPIC if text.topics[0] == word else 0.0
            why.append(concept.label)
    in_name = 0
    last = understood.words[-1] if understood.words else ""
    for word, weight in weights.items():
        found = _found(word, text, prefix=word == last)
        if found == "name":
            score += IN_NAME * weight
            in_name += 1
        elif found == "text":
            score += IN_TEXT * weight
        if found and word not in understood.covered:
            why.append(word)
    if understood.words and in_name == len(understood.words):
        score += ALL_IN_NAME
    if _typed_in_name(understood, text):
        score += TYPED_IN_NAME
    for extra in understood.extra_words:
        parts = [stem(w) for w in raw_tokens(extra)]
        if parts and all(p in text.name for p in parts):
            score += EXTRA_IN_NAME
            why.append(extra)
    if understood.place and where_delivered:
        strong = bool(why) or in_name > 0  # it matched what the help is for, not a stray word
        bonus = where_delivered.bonus(understood.place, strong=strong)
        if bonus > 0:
            score += bonus
            why.append(f"near {understood.place.label}")
    elif understood.place and not understood.words and not understood.concepts:
        score = max(score, 0.01)  # a search by place alone lists every service
    return Scored(service_id, name, score, tuple(dict.fromkeys(why)))


def _typed_in_name(understood: Understood, text: _Text) -> bool:
    """What was typed (short of stop words) is in the name as written: "family information
    service" names a service even though each word is a filler word."""
    typed = [w for w in understood.all_words if w not in STOP_WORDS]
    if len(typed) < 2 or len(typed) > len(text.name_words):
        return False
    name = [w for w in text.name_words if w not in STOP_WORDS]
    size = len(typed)
    return any(name[i : i + size] == typed for i in range(len(name) - size + 1))


def _found(word: str, text: _Text, *, prefix: bool) -> str:
    stemmed = stem(word)
    if stemmed in text.name:
        return "name"
    if stemmed in text.text:
        return "text"
    if prefix and len(word) >= PREFIX_FROM:
        if any(w.startswith(word) for w in text.name_words):
            return "name"
        if any(w.startswith(word) for w in text.text_words):
            return "text"
    return ""


@dataclass
class _Delivered:
    areas: set[str]
    postcodes: set[str]
    points: list[tuple[float, float]]

    def bonus(self, place: Place, *, strong: bool = True) -> float:
        score = (AT_PLACE if strong else AT_PLACE_WEAK) if self.local_to(place) else 0.0
        if place.latitude is not None and place.longitude is not None and self.points:
            km = min(_km(place.latitude, place.longitude, *p) for p in self.points)
            score += NEARBY * max(0.0, 1 - km / NEARBY_KM)
        return score

    def local_to(self, place: Place) -> bool:
        """Delivered in the place: an area of that name, or an address in its district (or
        its postcode area, when only an area was typed)."""
        if place.name and place.name.casefold() in {a.casefold() for a in self.areas}:
            return True
        districts = {district_of(p) for p in self.postcodes}
        if place.district:
            return place.district in districts
        return bool(place.area) and place.area in {area_of(d) for d in districts}


def _service_places(ids: list[int]) -> dict[int, _Delivered]:
    from earlyhelp.directory.models import Address, ServiceArea, ServiceAtLocation

    found: dict[int, _Delivered] = {}

    def of(service_id: int) -> _Delivered:
        return found.setdefault(service_id, _Delivered(set(), set(), []))

    for service_id, name in ServiceArea.objects.filter(service_id__in=ids).values_list(
        "service_id", "name"
    ):
        of(service_id).areas.add(name)
    links = ServiceAtLocation.objects.filter(service_id__in=ids).values_list(
        "service_id", "location_id", "location__latitude", "location__longitude"
    )
    by_location: dict[int, list[int]] = {}
    for service_id, location_id, latitude, longitude in links:
        by_location.setdefault(location_id, []).append(service_id)
        if latitude is not None and longitude is not None:
            of(service_id).points.append((float(latitude), float(longitude)))
    addresses = Address.objects.filter(location_id__in=by_location).values_list(
        "location_id", "postal_code"
    )
    for location_id, postcode in addresses:
        for service_id in by_location[location_id]:
            of(service_id).postcodes.add(postcode.upper())
    return found


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12_742 * math.asin(math.sqrt(a))
