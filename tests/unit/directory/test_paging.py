"""Pagination links: first, last and neighbours, ellipses between, the search kept."""

from django.http import QueryDict

from earlyhelp.directory.paging import page_links
from earlyhelp.directory.search import SearchPage


def links(number: int, total: int, query: str = "q=kite"):
    page = SearchPage([1], total=total, more=False, number=number, per_page=10, ranked=True)
    return page_links(page, QueryDict(query))


def shown(result) -> list[str]:
    return [str(item.number) if item.number else "…" for item in result.items]


def test_one_page_needs_no_links():
    assert links(1, 10) is None


def test_first_last_and_neighbours_with_ellipses():
    assert shown(links(1, 100)) == ["1", "2", "…", "10"]
    assert shown(links(5, 100)) == ["1", "…", "4", "5", "6", "…", "10"]
    assert shown(links(10, 100)) == ["1", "…", "9", "10"]
    assert shown(links(2, 30)) == ["1", "2", "3"]


def test_links_keep_the_search_and_mark_the_current_page():
    result = links(2, 30, "q=kite&topics=bullying&page=2")
    assert result is not None
    assert result.previous == "?q=kite&topics=bullying"
    assert result.next == "?q=kite&topics=bullying&page=3"
    assert [item.current for item in result.items] == [False, True, False]


def test_no_previous_on_the_first_page_and_no_next_on_the_last():
    first, last = links(1, 30), links(3, 30)
    assert first is not None and last is not None
    assert first.previous == "" and last.next == ""
