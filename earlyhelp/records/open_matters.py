"""Which children the safeguarding team has something open about, named by no detail.

An app below casework and concerns (attendance's first-day calls) must know that a child is
on an early help plan or has an open concern, since an absence then matters more, but may not
import those apps. They register a query here when ready (as with `records.signals`), and
`with_open_matters` asks them all. The answer is only a set of pupil ids: whoever sees the mark
is told to ask the safeguarding team, never what is open.
"""

from collections.abc import Callable, Collection

Query = Callable[[Collection[int]], set[int]]
_QUERIES: dict[str, Query] = {}


def register(name: str, query: Query) -> None:
    """Add (or replace) the query named `name`: the ids among those given with something open."""
    _QUERIES[name] = query


def with_open_matters(pupil_ids: Collection[int]) -> set[int]:
    """The ids among `pupil_ids` of children with an open concern or early help plan."""
    if not pupil_ids:
        return set()
    found: set[int] = set()
    for query in _QUERIES.values():
        found |= query(pupil_ids)
    return found
