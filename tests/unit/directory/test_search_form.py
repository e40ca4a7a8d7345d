"""The search form: filters become search parameters; mistakes are worded the GOV.UK way."""

from decimal import Decimal

from django.http import QueryDict

from earlyhelp.directory.forms import SearchForm


def form(query: str) -> SearchForm:
    return SearchForm(QueryDict(query))


def test_filters_become_search_parameters():
    f = form("q=kites&topics=bullying&topics=fgm&level=2&age=7.5&delivery=phone&free_only=on")
    assert f.is_valid()
    params = f.search_params(page=3)
    assert params.q == "kites"
    assert params.topics == ("bullying", "fgm")
    assert (params.level, params.age, params.year) == (2, Decimal("7.5"), None)
    assert params.delivery == ("phone",)
    assert (params.free_only, params.self_referral, params.open_now) == (True, False, False)
    assert params.page == 3
    assert f.sensitive  # FGM shows the quick-exit button


def test_an_empty_form_is_a_search_for_everything():
    f = form("")
    assert f.is_valid()
    assert f.search_params(page=1).q == ""
    assert not f.sensitive


def test_an_age_with_more_than_one_decimal_place():
    f = form("age=7.25")
    assert not f.is_valid()
    assert f.errors["age"] == ["Enter an age with no more than one decimal place, like 2.5"]


def test_a_search_too_long():
    f = form("q=" + "k" * 201)
    assert f.errors["q"] == ["Search must be 200 characters or fewer"]


def test_the_filter_disclosure_counts_each_chosen_filter():
    assert form("q=kites").filter_count == 0
    assert form("q=kites&topics=bullying&topics=fgm&free_only=on").filter_count == 3
    assert form("age=9&delivery=phone&delivery=online&open_now=on&level=2").filter_count == 5
    assert form("age=&year=").filter_count == 0
    assert form("age=old").filter_count == 1  # still counted while it is wrong
