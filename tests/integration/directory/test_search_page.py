"""The search page at /directory/: a GET form, filters, results, pagination, no JavaScript."""

import re
from datetime import time
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from earlyhelp.directory.data import PhoneData, ScheduleData

URL = reverse("directory:search")
OPEN_TAG = 'govuk-tag--green">Open now<'


def result_ids(html: str) -> list[int]:
    links = re.findall(r'<h3[^>]*><a class="govuk-link" href="/directory/(\d+)/', html)
    return [int(i) for i in links]


def get(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_search_lists_each_service_with_what_a_family_needs_first(client, universe):
    html = get(client, q="young carers")
    assert result_ids(html) == [universe.young_carers.pk]
    assert "1 service for ‘young carers’" in html
    assert "Testshire Youth Support" in html  # the organisation
    assert "Support for young carers aged 7 to 17: one-to-one time and clubs." in html
    assert "Ages 7 to 17" in html
    assert 'href="tel:+441134960300">0113 496 0300</a>' in html
    assert '<strong class="govuk-tag govuk-tag--grey">Young carers</strong>' in html
    assert 'href="tel:999"' in html  # the emergency panel


def test_the_form_keeps_what_was_asked_and_works_without_javascript(client, universe):
    html = get(client, q="carers", topics=["young-carers", "bullying"], age="9", free_only="on")
    assert '<form method="get" action="/directory/"' in html
    assert 'name="q" value="carers"' in html
    assert re.search(r'value="young-carers"[^>]*checked', html)
    assert re.search(r'value="bullying"[^>]*checked', html)
    assert 'name="age" value="9"' in html
    assert re.search(r'name="free_only"[^>]*checked', html)
    assert result_ids(html) == [universe.young_carers.pk]


def test_no_results_says_what_to_try(client, universe):
    html = get(client, q="trampoline", level="4")
    assert "0 services for ‘trampoline’" in html
    assert "No services match your search and filters." in html
    assert "remove some filters" in html
    assert "designated safeguarding lead" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"age": "nine"}, "Enter an age in years, like 9 or 2.5"),
        ({"age": "40"}, "Age must be 25 or less"),
        ({"age": "-1"}, "Age must be 0 or more"),
        ({"age": "9", "year": "3"}, "Enter an age or a school year, not both"),
        ({"topics": "no-such-topic"}, "Select topics from the list"),
        ({"year": "99"}, "Select a school year from the list"),
    ],
)
def test_bad_filters_are_explained_the_govuk_way(client, universe, params, message):
    html = get(client, **params)
    assert "There is a problem" in html
    assert message in html
    assert "<title>Error: Find support" in html
    assert result_ids(html) == []


def test_a_school_year_finds_services_for_that_age(client, universe):
    assert result_ids(get(client, q="young carers", year="3")) == [universe.young_carers.pk]
    assert result_ids(get(client, q="young carers", year="0")) == []  # Reception: age 4


def test_pages_of_results_keep_the_search(client, make_service):
    for n in range(25):
        make_service(f"Kite Club {n:02d}", description="Kites.")
    first = get(client, q="kite", free_only="")
    assert "25 services for ‘kite’" in first
    assert "Showing 1 to 20, best matches first." in first
    assert len(result_ids(first)) == 20
    assert 'href="?q=kite&amp;free_only=&amp;page=2" rel="next"' in first
    assert 'aria-current="page">1</a>' in first
    second = get(client, q="kite", free_only="", page="2")
    assert len(result_ids(second)) == 5
    assert "Showing 21 to 25" in second
    assert 'href="?q=kite&amp;free_only=" rel="prev"' in second
    assert set(result_ids(first)).isdisjoint(result_ids(second))
    assert result_ids(get(client, q="kite", page="99")) == result_ids(second)
    assert result_ids(get(client, q="kite", page="x")) == result_ids(first)


def test_quick_exit_on_every_search(client, make_service):
    make_service("Safe Steps", topics=("domestic-abuse",))
    make_service("Kite Club", topics=("bullying",))
    assert "Exit this page" in get(client)
    assert "Exit this page" in get(client, topics="domestic-abuse")
    assert "Exit this page" in get(client, q="safe steps")
    assert "Exit this page" in get(client, q="kite")
    assert "Exit this page" in get(client, q="nothing like it")
    assert "Exit this page" in get(client, topics="domestic-abuse", age="old")  # with an error


def test_coming_from_a_schools_offer_shows_its_councils_front_door(client, universe):
    html = get(client, q="carers", school="northfield-primary")
    assert "Testshire Family Front Door" in html
    assert 'href="tel:+441134960001"' in html
    assert "Back to Northfield Primary’s Early Help Offer" in html
    link = f'href="/directory/{universe.young_carers.pk}/?school=northfield-primary&amp;back='
    assert link in html
    assert 'name="school" value="northfield-primary"' in html


def test_open_now_is_shown_and_filtered(client, make_service):
    make_service("Day Centre", schedules=(ScheduleData("MO,TU,WE,TH,FR", time(9), time(17)),))
    make_service("Evening Club", schedules=(ScheduleData("MO,TU,WE,TH,FR", time(18), time(21)),))
    with time_machine.travel("2026-11-24 10:00 +0000", tick=False):  # a Tuesday
        html = get(client, q="centre")
        assert OPEN_TAG in html
        assert OPEN_TAG not in get(client, q="evening")
        assert result_ids(get(client, open_now="on")) == result_ids(html)


def queries_for(client, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        get(client, **params)
    return len(captured)


SEARCHES = [
    {"q": "kite", "topics": "bullying", "age": "9", "open_now": "on"},
    {"topics": "bullying"},
    {"school": "northfield-primary", "q": "kites"},
]


def test_query_count_does_not_grow_with_the_results(
    client, universe, make_service, django_assert_max_num_queries
):
    def add(n: int) -> None:
        for i in range(n):
            make_service(
                f"Kite Club {i}",
                description="Kites.",
                topics=("bullying", "online-safety"),
                phones=(PhoneData("+441134960500"), PhoneData("+448081570000")),
                emails=("kites@example.org",),
                additional_urls=("https://www.example.org/kites",),
                schedules=(ScheduleData("MO,TU,WE,TH,FR,SA,SU", time(0), time(0)),),
                minimum_age=Decimal(5),
            )

    # Writing a service forgets the query understanding's cached vocabulary: one search
    # reloads it, and the searches counted here are the ones after that.
    add(2)
    get(client, q="warm")
    few = [queries_for(client, **params) for params in SEARCHES]
    add(18)
    get(client, q="warm")
    for params, allowed in zip(SEARCHES, few, strict=True):
        with django_assert_max_num_queries(allowed):
            get(client, **params)
    assert max(few) <= 10
