"""Ranked search over active services: one query of counts, then a page of ids.

Words and filter words (`facets.py`) go to the full-text index together, so the index
finds the matches and does most of the filtering; status, scope, age and "open now" are
checked on the service rows it leads to (`filters.py`).

With words, results come in two tiers: first the services whose name holds every word,
then the rest. Each tier is ranked by relevance, SQLite with bm25 inside the FTS5 query
(the name weighted ten times the rest), PostgreSQL with ts_rank_cd over the stored tsvector
(weights: name 1.0, the rest 0.2, the first tier found through a GIN index on the name
alone); ties go by name. A page the first tier fills never ranks the second.

Neither database has an index that yields matches best first: ranking reads every
candidate. A list shows at most COUNT_CAP services, so each tier ranks at most COUNT_CAP
matches: all of them when there are fewer (most searches of a county directory), otherwise
the first COUNT_CAP the index returns (in table order), and every page ranks the same ones.
That keeps a broad search ("family") as cheap as a narrow one at 100,000 services; a filter
(topic, age) brings a broad search back to exact ranking. See docs/benchmarks.md.

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
from earlyhelp.directory.search.log import log_search_without_results
from earlyhelp.directory.search.params import SearchPage, SearchParams
from earlyhelp.directory.search.ranking import rank
from earlyhelp.directory.search.suggest import closest_topics
from earlyhelp.directory.search.understand import Understood, context, understand
from earlyhelp.directory.search.words import fts5_query, fts5_words, tsquery

COUNT_CAP = 500
MAX_PER_PAGE = 100

FTS = "SELECT rowid AS id FROM directory_service_fts WHERE directory_service_fts MATCH %s"
JOINED = "({fts}) r JOIN directory_service s ON s.id = r.id WHERE {where}"
CAPPED = "(SELECT COUNT(*) FROM (SELECT 1 FROM {source} LIMIT %s) capped)"
# bm25 column weights: name 10, search text 1. The inner LIMIT bounds what is ranked.
SQLITE_RANKED = (
    "SELECT id FROM (SELECT s.id AS id, s.name AS name,"
    " bm25(directory_service_fts, 10.0, 1.0) AS score FROM directory_service_fts"
    " JOIN directory_service s ON s.id = directory_service_fts.rowid"
    " WHERE directory_service_fts MATCH %s AND {where} LIMIT %s)"
    " ORDER BY score, name, id LIMIT %s OFFSET %s"
)
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


def search_services(params: SearchParams) -> SearchPage:
    """A page of active services matching `params`, best first, and how many matched.

    With words, the query is understood first (`understand`) and ranked by how well each
    service matches (`ranking.py`); without, services are listed by name.
    """
    understood = understand(params.q) if params.q.strip() else None
    if understood is not None and not understood.empty:
        page = _understood_page(params, understood)
        if (
            page.total == 0
            and params.log_no_result
            and params.page <= 1
            and not params.hours_unknown
        ):
            log_search_without_results(by=None, query=params.q)
        return page
    per_page = max(1, min(params.per_page, MAX_PER_PAGE))
    query = _Query([], facet_groups(params), where_for(params))
    counted = _count(query)
    total = min(counted, COUNT_CAP)
    number = min(max(1, params.page), max(1, -(-total // per_page)))
    offset = (number - 1) * per_page
    ids = _page_ids(query, total, per_page, offset) if total else []
    return SearchPage(ids, total, counted > COUNT_CAP, number, per_page, bool(query.words))


def ranked_ids(q: str, where: Where) -> list[int] | None:
    """Ids of the services within `where` that match the words `q`, best first (at most
    `ranking.CANDIDATES`); None when `q` holds nothing to search by. For staff pages that
    choose among services with their own conditions (the Offer's service chooser)."""
    understood = understand(q) if q.strip() else None
    if understood is None or understood.empty:
        return None
    scored, _ = rank(understood, [], where, context.vocabulary())
    return [s.id for s in scored]


def _understood_page(params: SearchParams, understood: Understood) -> SearchPage:
    per_page = max(1, min(params.per_page, MAX_PER_PAGE))
    vocabulary = context.vocabulary()
    scored, more = rank(understood, facet_groups(params), where_for(params), vocabulary)
    total = len(scored)
    number = min(max(1, params.page), max(1, -(-total // per_page)))
    shown = scored[(number - 1) * per_page : number * per_page]
    return SearchPage(
        [s.id for s in shown],
        total,
        more,
        number,
        per_page,
        True,
        matched={s.id: s.why for s in shown},
        did_you_mean=understood.did_you_mean,
        topic_suggestions=() if total else closest_topics(understood),
        place=understood.place.label if understood.place else None,
    )


def _count(query: _Query, *, named: bool = False) -> int:
    """How many match (or, with `named`, how many are in the first tier), to COUNT_CAP + 1."""
    where, cap = query.where, COUNT_CAP + 1
    if not (query.words or query.groups):
        source, params = LISTED.format(where=where.sql), [*where.params]
    elif _sqlite():
        match = query.tier(True) if named else query.match
        source, params = JOINED.format(fts=FTS, where=where.sql), [match, *where.params]
    elif named:
        tier, params = _postgresql_tier(query, named=True)
        source = LISTED.format(where=tier)
    else:
        source, params = (
            LISTED.format(where=PG_MATCH.format(where=where.sql)),
            [query.match, *where.params],
        )
    return _row(f"SELECT {CAPPED.format(source=source)}", [*params, cap])[0]


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


def _page_ids(query: _Query, total: int, limit: int, offset: int) -> list[int]:
    where = query.where
    if not (query.words or query.groups):
        return _ids(LIST.format(where=where.sql), [*where.params, limit, offset])
    if query.words:
        return _two_tiers(query, total, limit, offset)
    if not _sqlite():
        sql = PG_PAGE.format(match=PG_MATCH.format(where=where.sql))
        return _ids(f"{sql} LIMIT %s OFFSET %s", [query.match, *where.params, limit, offset])
    if total < COUNT_CAP:  # few: start from the index's matches and sort them
        sql = SQLITE_FEW.format(fts=FTS, where=where.sql)
        return _ids(sql, [query.match, *where.params, limit, offset])
    sql = SQLITE_MANY.format(fts=FTS, where=where.sql)  # many: walk the name index
    return _ids(sql, [*where.params, query.match, limit, offset])


def _two_tiers(query: _Query, total: int, limit: int, offset: int) -> list[int]:
    """Services named for the words first, then the rest, each tier ranked."""
    first = _ranked(query, True, limit, offset)
    if len(first) == limit:
        return first
    named = offset + len(first) if first or not offset else _count(query, named=True)
    if named >= total:
        return first
    rest = _ranked(query, False, limit - len(first), max(0, offset - named), first_tier=named > 0)
    return first + rest


def _ranked(
    query: _Query, named: bool, limit: int, offset: int, *, first_tier: bool = True
) -> list[int]:
    """One tier, best first, from at most COUNT_CAP of its matches."""
    if not _sqlite():
        return _ranked_postgresql(query, named, limit, offset, first_tier=first_tier)
    match = query.tier(named) if named or first_tier else query.match
    sql = SQLITE_RANKED.format(where=query.where.sql)
    return _ids(sql, [match, *query.where.params, COUNT_CAP, limit, offset])


def _ranked_postgresql(
    query: _Query, named: bool, limit: int, offset: int, *, first_tier: bool
) -> list[int]:
    if named or first_tier:
        match, params = _postgresql_tier(query, named=named)
    else:
        match, params = PG_MATCH.format(where=query.where.sql), [query.match, *query.where.params]
    words = tsquery(query.words)
    return _ids(PG_RANKED.format(match=match), [*params, COUNT_CAP, words, limit, offset])


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
