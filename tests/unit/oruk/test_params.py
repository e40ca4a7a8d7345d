"""Query parameters of the ORUK API: paging limits and filter values."""

from datetime import UTC, datetime, time
from decimal import Decimal

import pytest
from django.http import QueryDict

from earlyhelp.oruk.params import (
    DEFAULT_PER_PAGE,
    MAX_PER_PAGE,
    BadParameter,
    Paging,
    filters_from,
    paging_from,
)
from earlyhelp.oruk.queries import Point, normalise_postcode
from earlyhelp.oruk.views import envelope


def test_paging_defaults_and_caps() -> None:
    assert paging_from(QueryDict("")) == Paging(1, DEFAULT_PER_PAGE)
    assert paging_from(QueryDict("page=3&per_page=5")) == Paging(3, 5)
    assert paging_from(QueryDict("per_page=100000")) == Paging(1, MAX_PER_PAGE)


@pytest.mark.parametrize("query", ["page=0", "page=-1", "page=two", "per_page=0"])
def test_bad_paging_is_refused(query: str) -> None:
    with pytest.raises(BadParameter):
        paging_from(QueryDict(query))


def test_filters_are_read() -> None:
    filters = filters_from(
        QueryDict(
            "search=+kites+&minimum_age=7.5&day=sa&start_time=09:00&end_time=17:30:00"
            "&modified_after=2026-11-20&latitude=52.1&longitude=-2.2&proximity=1500"
        )
    )
    assert filters.search == "kites"
    assert filters.minimum_age == Decimal("7.5")
    assert filters.day == "SA"
    assert (filters.start_time, filters.end_time) == (time(9), time(17, 30))
    assert filters.modified_after == datetime(2026, 11, 20, tzinfo=UTC)
    assert filters.near == Point(52.1, -2.2)
    assert filters.proximity == 1500


def test_a_point_without_proximity_has_the_default_radius() -> None:
    assert filters_from(QueryDict("latitude=52&longitude=-2")).proximity == 10_000


@pytest.mark.parametrize(
    "query",
    [
        "minimum_age=-1",
        "maximum_age=NaN",
        "latitude=91&longitude=0",
        "latitude=1",
        "proximity=0&latitude=1&longitude=1",
    ],
)
def test_bad_filters_are_refused(query: str) -> None:
    with pytest.raises(BadParameter):
        filters_from(QueryDict(query))


def test_the_envelope_of_an_empty_list() -> None:
    assert envelope([], 0, Paging(1, 50)) == {
        "total_items": 0,
        "total_pages": 0,
        "page_number": 1,
        "size": 0,
        "first_page": True,
        "last_page": True,
        "empty": True,
        "contents": [],
    }


def test_postcodes_are_normalised() -> None:
    assert normalise_postcode(" wr11aa ") == "WR1 1AA"
    assert normalise_postcode("B1 1aa") == "B1 1AA"
