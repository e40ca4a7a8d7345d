"""Search over active services: a page of ids, best first, and how many matched.

With words, the query is understood first (`understand/`: place, spelling, joined words,
corrections, concepts) and `ranking.py` ranks the candidates the full-text index finds by how
well each one matches; a sentence never ANDs itself down to nothing (ADR 0008).

Without words (filters only), services are listed by name: the filter words (`facets.py`)
go to the full-text index, and status, scope, school context, age and "open now" are checked
on the rows it leads to (`filters.py`). SQLite starts from the index's matches when there are
few and walks the (status, name) index when there are many; PostgreSQL's planner makes that
choice itself. Counting stops at `COUNT_CAP`.

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
from earlyhelp.directory.search.words import fts5_query, tsquery

COUNT_CAP = 500
MAX_PER_PAGE = 100

FTS = "SELECT rowid AS id FROM directory_service_fts WHERE directory_service_fts MATCH %s"
JOINED = "({fts}) r JOIN directory_service s ON s.id = r.id WHERE {where}"
CAPPED = "(SELECT COUNT(*) FROM (SELECT 1 FROM {source} LIMIT %s) capped)"
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
PG_PAGE = "SELECT s.id FROM directory_service s WHERE {match} ORDER BY s.name, s.id"


@dataclass(frozen=True)
class _Query:
    groups: list[tuple[str, ...]]
    where: Where

    @property
    def match(self) -> str:
        return fts5_query([], self.groups) if _sqlite() else tsquery([], self.groups)


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
    query = _Query(facet_groups(params), where_for(params))
    counted = _count(query)
    total = min(counted, COUNT_CAP)
    number = min(max(1, params.page), max(1, -(-total // per_page)))
    offset = (number - 1) * per_page
    ids = _page_ids(query, total, per_page, offset) if total else []
    return SearchPage(ids, total, counted > COUNT_CAP, number, per_page, False)


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


def _count(query: _Query) -> int:
    """How many match, to COUNT_CAP + 1."""
    where, cap = query.where, COUNT_CAP + 1
    if not query.groups:
        source, params = LISTED.format(where=where.sql), [*where.params]
    elif _sqlite():
        source, params = JOINED.format(fts=FTS, where=where.sql), [query.match, *where.params]
    else:
        source, params = (
            LISTED.format(where=PG_MATCH.format(where=where.sql)),
            [query.match, *where.params],
        )
    return _row(f"SELECT {CAPPED.format(source=source)}", [*params, cap])[0]


def _page_ids(query: _Query, total: int, limit: int, offset: int) -> list[int]:
    where = query.where
    if not query.groups:
        return _ids(LIST.format(where=where.sql), [*where.params, limit, offset])
    if not _sqlite():
        sql = PG_PAGE.format(match=PG_MATCH.format(where=where.sql))
        return _ids(f"{sql} LIMIT %s OFFSET %s", [query.match, *where.params, limit, offset])
    if total < COUNT_CAP:  # few: start from the index's matches and sort them
        sql = SQLITE_FEW.format(fts=FTS, where=where.sql)
        return _ids(sql, [query.match, *where.params, limit, offset])
    sql = SQLITE_MANY.format(fts=FTS, where=where.sql)  # many: walk the name index
    return _ids(sql, [*where.params, query.match, limit, offset])


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
