"""Full-text search over the directory.

`index_service` keeps `Service.search_text` current; the database keeps its full-text index
in step with that column (an FTS5 table fed by triggers on SQLite, a generated tsvector
column on PostgreSQL: see `schema.py`). `search_services` answers a `SearchParams` with a
`SearchPage` of service ids, best first.
"""

from earlyhelp.directory.search.engine import COUNT_CAP, search_services
from earlyhelp.directory.search.indexing import (
    build_search_text,
    compose_search_text,
    index_service,
)
from earlyhelp.directory.search.params import (
    SCHOOL_YEARS,
    SearchPage,
    SearchParams,
    age_for_school_year,
)

__all__ = [
    "COUNT_CAP",
    "SCHOOL_YEARS",
    "SearchPage",
    "SearchParams",
    "age_for_school_year",
    "build_search_text",
    "compose_search_text",
    "index_service",
    "search_services",
]
