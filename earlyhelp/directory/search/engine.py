"""Ranked search over active services: one query of counts, then a page of ids.

Words and filter words (`facets.py`) go to the full-text index together, so the index
finds the matches and does most of the filtering; status, scope, age and "open now" are
checked on the service rows it leads to (`filters.py`).

With words, results come in two tiers, each ranked by relevance: first the services whose
name holds every word, then the rest. A page that the first tier fills never ranks the
second, so a word found in thousands of descriptions costs little when services are named
for it. SQLite ranks inside FTS5 (bm25, the name weighted ten times the rest) and joins
only a window of the best candidates to the service table, unless filters leave the page
short; PostgreSQL ranks with ts_rank_cd over the stored tsvector (weights: name 1.0, the
rest 0.2) and finds the first tier through a GIN index on the name alone. Ties go by name.

PostgreSQL has no index that yields matches best first, so ranking reads every candidate
row, which beyond a thousand or so is slower than a search should be. A list shows at most
COUNT_CAP services, so when a tier holds more matches than that, PostgreSQL ranks the first
COUNT_CAP its index returns (in table order) and leaves the tier's others out of the list;
every page ranks the same ones. At county scale (a few thousand services) no tier is that
large; at 100,000 services only very broad searches are, and a filter (topic, age) brings
them back to exact ranking. SQLite's bm25 costs less per row and ranks every match.

Without words, services are listed by name. SQLite starts from the index's matches when
there are few and walks the (status, name) index when there are many; PostgreSQL's planner
makes that choice itself. Counting stops at `COUNT_CAP`.

Statements are templates filled with constants and `Where.sql`, whose values are `%s`
placeholders: what people type only reaches the database as a parameter.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection

from earlyhelp.directory.search.filters import Where, facet_groups, where_for
from earlyhelp.directory.search.params import SearchPage, SearchParams
from earlyhelp.directory.search.words import fts5_query, fts5_words, search_words, tsquery

COUNT_CAP = 1000
MAX_PER_PAGE = 100
# SQLite joins the best (WINDOW_PER_ROW × rows needed + WINDOW_EXTRA) candidates first.
WINDOW_PER_ROW, WINDOW_EXTRA = 10, 100

FTS = "SELECT rowid AS id{score} FROM directory_service_fts WHERE directory_service_fts MATCH %s"
BM25 = ", bm25(directory_service_fts, 10.0, 1.0) AS score"
JOINED = "({fts}) r JOIN directory_service s ON s.id = r.id WHERE {where}"
CAPPED = "(SELECT COUNT(*) FROM (SELECT 1 FROM {source} LIMIT %s) capped)"
SQLITE_RANKED = "SELECT s.id FROM {joined} ORDER BY r.score, s.name, s.id LIMIT %s OFFSET %s"
SQLITE_FEW = (
    "SELECT s.id FROM ({fts}) r CROSS JOIN directory_service s ON s.id = r.id"
    " WHERE {where} ORDER BY s.name, s.id LIMIT %s OFFSET %s"
)
SQLITE_MANY = (
    "SELECT s.id FROM directory_service s WHERE {where} AND +s.id IN ({fts})"
    " ORDER BY s.name, s.id LIMIT %s OFFSET %s"
)
LISTED = "directory_service s WHERE {where}"
LIST = "SELECT s.id FROM directory_service s WHERE {where} ORDER BY s.name, s.id LIMIT %s OFFSET %s"
PG_MATCH = "s.search_vector @@ to_tsquery('english', %s) AND {where}"
PG_NAMED = "to_tsvector('english', s.name) @@ to_tsquery('english', %s) AND {where}"
PG_UNNAMED = "NOT s.search_vector @@ to_tsquery('english', %s) AND " + PG_MATCH
PG_PAGE = "SELECT s.id FROM directory_service s WHERE {match} ORDER BY s.name, s.id"
# ts_rank_cd weights for labels {D, C, B, A}: the name is A, the search text B.
PG_RANKED = (
    "SELECT t.id FROM (SELECT s.id, s.name, s.search_vector FROM directory_service s"
    " WHERE {match} LIMIT %s) t ORDER BY"
    " ts_rank_cd('{{0.1, 0.2, 0.2, 1.0}}', t.search_vector, to_tsquery('english', %s)) DESC,"
    " t.name, t.id LIMIT %s OFFSET %s"
)


@dataclass(frozen=True)
class _Query:
    words: list[str]
    groups: list[tuple[str, ...]]
    where: Where

    @property
    def match(self) -> str:
        if _sqlite():
            return fts5_query(self.words, self.groups)
        return tsquery(self.words, self.groups)

    def tier(self, named: bool) -> str:
        """The FTS5 match of the first tier (named for the words) or of the second."""
        in_name = "{name} : (" + fts5_words(self.words) + ")"
        if not named:
            return f"({self.match}) NOT {in_name}"
        facets = fts5_query([], self.groups)
        return f"{in_name} AND {facets}" if facets else in_name


@dataclass(frozen=True)
class _Counts:
    total: int  # matches, counted to COUNT_CAP + 1
    named: int = 0  # of which in the first tier
    candidates: tuple[int, int] = (0, 0)  # SQLite: each tier's index matches, to the window

    @classmethod
    def of(cls, row: list[int]) -> "_Counts":
        total, named, *candidates = [*row, 0, 0, 0][:4]
        return cls(total, named, (candidates[0], candidates[1]))


def search_services(params: SearchParams) -> SearchPage:
    """A page of active services matching `params`, best first, and how many matched."""
    per_page = max(1, min(params.per_page, MAX_PER_PAGE))
    query = _Query(search_words(params.q), facet_groups(params), where_for(params))
    wanted = max(1, params.page) * per_page
    counts = _counts(query, _window(wanted))
    total = min(counts.total, COUNT_CAP)
    number = min(max(1, params.page), max(1, -(-total // per_page)))
    offset = (number - 1) * per_page
    ids = _page_ids(query, counts, per_page, offset) if total else []
    return SearchPage(ids, total, counts.total > COUNT_CAP, number, per_page, bool(query.words))


def _window(rows: int) -> int:
    return WINDOW_PER_ROW * rows + WINDOW_EXTRA


def _counts(query: _Query, window: int) -> _Counts:
    where, cap = query.where, COUNT_CAP + 1
    if not (query.words or query.groups):
        listed = CAPPED.format(source=LISTED.format(where=where.sql))
        return _Counts.of(_row(f"SELECT {listed}", [*where.params, cap]))
    if not _sqlite():
        return _postgresql_counts(query)
    total = CAPPED.format(source=JOINED.format(fts=FTS.format(score=""), where=where.sql))
    if not query.words:
        return _Counts.of(_row(f"SELECT {total}", [query.match, *where.params, cap]))
    index_only = CAPPED.format(source="(" + FTS.format(score="") + ") f")
    sql = f"SELECT {total}, {total}, {index_only}, {index_only}"
    named, unnamed = query.tier(True), query.tier(False)
    params = [query.match, *where.params, cap, named, *where.params, cap]
    return _Counts.of(_row(sql, [*params, named, window + 1, unnamed, window + 1]))


def _postgresql_counts(query: _Query) -> _Counts:
    where, cap = query.where, COUNT_CAP + 1
    total = CAPPED.format(source=LISTED.format(where=PG_MATCH.format(where=where.sql)))
    if not query.words:
        return _Counts.of(_row(f"SELECT {total}", [query.match, *where.params, cap]))
    named_sql, named_params = _postgresql_tier(query, named=True)
    named = CAPPED.format(source=LISTED.format(where=named_sql))
    params = [query.match, *where.params, cap, *named_params, cap]
    return _Counts.of(_row(f"SELECT {total}, {named}", params))


def _postgresql_tier(query: _Query, *, named: bool) -> tuple[str, list[Any]]:
    """WHERE for a tier: named for the words (found by the name's own GIN index), or not."""
    where, words = query.where, tsquery(query.words)
    if not named:
        sql = PG_UNNAMED.format(where=where.sql)
        return sql, [tsquery(query.words, weight="A"), query.match, *where.params]
    if not query.groups:  # every name word is in the search vector: no need to look there
        return PG_NAMED.format(where=where.sql), [words, *where.params]
    sql = PG_NAMED.format(where=PG_MATCH.format(where=where.sql))
    return sql, [words, tsquery([], query.groups), *where.params]


def _page_ids(query: _Query, counts: _Counts, limit: int, offset: int) -> list[int]:
    where = query.where
    if not (query.words or query.groups):
        return _ids(LIST.format(where=where.sql), [*where.params, limit, offset])
    if query.words:
        first = _ranked(query, counts, True, limit, offset) if counts.named > offset else []
        if len(first) == limit or counts.named >= counts.total:
            return first
        rest_offset = max(0, offset - counts.named)
        return first + _ranked(query, counts, False, limit - len(first), rest_offset)
    if not _sqlite():
        sql = PG_PAGE.format(match=PG_MATCH.format(where=where.sql))
        return _ids(f"{sql} LIMIT %s OFFSET %s", [query.match, *where.params, limit, offset])
    template = SQLITE_FEW if counts.total < COUNT_CAP else SQLITE_MANY
    sql = template.format(fts=FTS.format(score=""), where=where.sql)
    params = (
        [query.match, *where.params] if counts.total < COUNT_CAP else [*where.params, query.match]
    )
    return _ids(sql, [*params, limit, offset])


def _ranked(query: _Query, counts: _Counts, named: bool, limit: int, offset: int) -> list[int]:
    """One tier, best first: SQLite joins a window of the best candidates if there are more."""
    if not _sqlite():
        return _ranked_postgresql(query, named, limit, offset)
    match = query.tier(named) if named or counts.named else query.match  # no first tier
    params = [match, *query.where.params, limit, offset]
    window = _window(offset + limit)
    clauses = [f" ORDER BY score LIMIT {window:d}", ""]
    if counts.candidates[0 if named else 1] <= window:
        clauses = [""]  # the window would hold every candidate: no need for one
    for clause in clauses:
        fts = FTS.format(score=BM25) + clause
        ids = _ids(
            SQLITE_RANKED.format(joined=JOINED.format(fts=fts, where=query.where.sql)), params
        )
        if len(ids) == limit:
            break
    return ids


def _ranked_postgresql(query: _Query, named: bool, limit: int, offset: int) -> list[int]:
    """One tier, ranked: every match, or the first COUNT_CAP the index gives if more."""
    match, params = _postgresql_tier(query, named=named)
    window = COUNT_CAP  # as many as the list can show, whatever the page: pages stay in step
    words = tsquery(query.words)
    return _ids(PG_RANKED.format(match=match), [*params, window, words, limit, offset])


def _row(sql: str, params: Sequence[Any]) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return [int(value) for value in row] if row else [0]


def _ids(sql: str, params: Sequence[Any]) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _sqlite() -> bool:
    return connection.vendor == "sqlite"
