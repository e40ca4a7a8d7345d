"""The engine's other ways through: capped counts, walking the name index, narrow windows.

Small data takes the short paths; these tests shrink the cap and the window so that the
paths a county-scale directory takes are exercised too, and must give the same answers.
"""

import pytest

from earlyhelp.directory.search import SearchParams, engine, ranking, search_services
from tests.integration.directory.test_search_ranking import names


@pytest.fixture
def kites(make_service):
    for n in range(7):
        make_service(
            f"Kite Club {n}",
            description="Kites.",
            topics=("bullying",) if n % 2 else ("bereavement",),
            status="inactive" if n == 3 else "active",
        )
    make_service("Balloons", description="A kite club for balloons.", topics=("bullying",))


def test_counts_stop_at_the_cap_and_say_there_are_more(kites, monkeypatch):
    monkeypatch.setattr(ranking, "CANDIDATES", 4)  # a search with words ranks this many
    page = search_services(SearchParams(q="kite", per_page=2, page=9))
    assert (page.total, page.more, page.num_pages, page.number) == (4, True, 2, 2)
    assert len(page.ids) == 2


def test_many_matches_walk_the_name_index_and_agree_with_few(kites, monkeypatch):
    few = names(search_services(SearchParams(topics=("bullying",))))
    monkeypatch.setattr(engine, "COUNT_CAP", 2)
    page = search_services(SearchParams(topics=("bullying",), per_page=2))
    assert (page.total, page.more) == (2, True)
    assert names(page) == few[:2]
    assert few == ["Balloons", "Kite Club 1", "Kite Club 5"]


def test_filters_apply_before_the_ranking_window(kites, monkeypatch):
    everything = names(search_services(SearchParams(q="kite", topics=("bullying",))))
    assert everything == ["Kite Club 1", "Kite Club 5", "Balloons"]
    monkeypatch.setattr(engine, "COUNT_CAP", 2)  # rank at most 2 per tier
    page = search_services(SearchParams(q="kite", topics=("bullying",), per_page=2))
    assert names(page) == ["Kite Club 1", "Kite Club 5"]  # filtered ones, not the first two


def test_later_pages_continue_from_the_first_tier_into_the_second(kites):
    pages = [
        names(search_services(SearchParams(q="kite", per_page=2, page=n))) for n in (1, 2, 3, 4)
    ]
    assert [len(p) for p in pages] == [2, 2, 2, 1]
    assert pages[3] == ["Balloons"]
    assert len({name for p in pages for name in p}) == 7


def test_more_candidates_than_are_ranked_keep_the_pages_in_step(kites, monkeypatch):
    monkeypatch.setattr(ranking, "CANDIDATES", 4)  # then 4 of the matches are ranked
    pages = [search_services(SearchParams(q="kite club", per_page=2, page=n)) for n in (1, 2)]
    assert [(p.total, p.more) for p in pages] == [(4, True), (4, True)]
    listed = names(pages[0]) + names(pages[1])
    assert len(set(listed)) == 4
