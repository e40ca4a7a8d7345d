"""School years as ages, and what a page of results knows about itself."""

from decimal import Decimal

import pytest

from earlyhelp.directory.search import SCHOOL_YEARS, SearchPage, SearchParams, age_for_school_year


def test_reception_is_four_and_year_n_is_n_plus_four():
    assert age_for_school_year(0) == 4
    assert age_for_school_year(1) == 5
    assert age_for_school_year(6) == 10
    assert age_for_school_year(13) == 17
    assert SCHOOL_YEARS[0] == (0, "Reception") and SCHOOL_YEARS[-1] == (13, "Year 13")


def test_there_is_no_year_fourteen():
    with pytest.raises(ValueError, match="No school year"):
        age_for_school_year(14)


def test_an_age_is_used_before_a_school_year():
    assert SearchParams(year=3).child_age == 7
    assert SearchParams(age=Decimal("2.5"), year=3).child_age == Decimal("2.5")
    assert SearchParams().child_age is None


def test_page_numbers():
    page = SearchPage(list(range(20)), total=45, more=False, number=2, per_page=20, ranked=True)
    assert (page.num_pages, page.has_previous, page.has_next) == (3, True, True)
    assert (page.start_index, page.end_index) == (21, 40)
    empty = SearchPage([], total=0, more=False, number=1, per_page=20, ranked=False)
    assert (empty.num_pages, empty.start_index, empty.has_next) == (1, 0, False)
