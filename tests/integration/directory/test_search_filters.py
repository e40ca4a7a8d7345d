"""Every filter of the directory search, and the age a school year stands for."""

from datetime import time
from decimal import Decimal

import pytest

from earlyhelp.directory.data import ScheduleData
from earlyhelp.directory.search import SearchParams, search_services
from tests.integration.directory.conftest import london
from tests.integration.directory.test_search_ranking import search
from tests.universe import make_county


@pytest.fixture
def services(make_service):
    make_service(
        "Anchor Young Carers",
        topics=("young-carers",),
        levels=(2,),
        referral_routes=("self", "school"),
        delivery=("in-person",),
        free=True,
        minimum_age=Decimal(7),
        maximum_age=Decimal(17),
        county=make_county(),
    )
    make_service(
        "Beacon Counselling",
        topics=("mental-health",),
        levels=(3,),
        referral_routes=("gp",),
        delivery=("phone", "online"),
        free=False,
        minimum_age=Decimal("11.5"),
        maximum_age=Decimal(25),
    )
    make_service(
        "Compass Bullying Line",
        topics=("bullying", "online-safety"),
        levels=(1,),
        referral_routes=("self",),
        delivery=("phone",),
        free=True,
    )


def test_topics_match_any_of_those_chosen(services):
    assert search(topics=("young-carers",)) == ["Anchor Young Carers"]
    assert search(topics=("online-safety", "mental-health")) == [
        "Beacon Counselling",
        "Compass Bullying Line",
    ]


def test_level_of_need(services):
    assert search(level=3) == ["Beacon Counselling"]
    assert search(level=4) == []


def test_delivery_matches_any_of_those_chosen(services):
    assert search(delivery=("phone",)) == ["Beacon Counselling", "Compass Bullying Line"]
    assert search(delivery=("in-person", "online")) == ["Anchor Young Carers", "Beacon Counselling"]


def test_free_only(services):
    assert search(free_only=True) == ["Anchor Young Carers", "Compass Bullying Line"]


def test_self_referral(services):
    assert search(self_referral=True) == ["Anchor Young Carers", "Compass Bullying Line"]


def test_scope(services):
    assert search(scope="local") == ["Anchor Young Carers"]
    assert search(scope="national") == ["Beacon Counselling", "Compass Bullying Line"]


def test_age_is_within_the_service_ages_and_a_service_without_ages_is_for_children(services):
    assert search("counselling", age=Decimal("11.5")) == ["Beacon Counselling"]
    assert search("counselling", age=Decimal(11)) == []
    assert search("compass", age=Decimal(18)) == ["Compass Bullying Line"]
    assert search("compass", age=Decimal(19)) == []
    assert search(topics=("young-carers",), age=Decimal(17)) == ["Anchor Young Carers"]
    assert search(topics=("young-carers",), age=Decimal("17.5")) == []


@pytest.mark.parametrize(
    ("year", "found"),
    [(0, False), (2, False), (3, True), (13, True)],  # Reception is 4; Year 3 is 7
)
def test_a_school_year_is_taken_as_an_age(services, year, found):
    assert (search(topics=("young-carers",), year=year) == ["Anchor Young Carers"]) is found


def test_an_age_wins_over_a_school_year(services):
    assert search(topics=("young-carers",), age=Decimal(9), year=0) == ["Anchor Young Carers"]


def test_filters_and_words_together(services):
    assert search("line", free_only=True, delivery=("phone",)) == ["Compass Bullying Line"]
    assert search("carers", level=1) == []


def test_filters_follow_changes_to_a_service(services):
    from earlyhelp.directory.actions import update_service
    from earlyhelp.directory.data import ServiceData
    from earlyhelp.directory.models import Service

    beacon = Service.objects.get(name="Beacon Counselling")
    update_service(
        by=None,
        service=beacon,
        data=ServiceData(
            name="Beacon Counselling",
            organization_name="Beacon",
            topics=("bereavement",),
            free=True,
        ),
    )
    assert search(topics=("mental-health",)) == []
    assert search(topics=("bereavement",), free_only=True) == ["Beacon Counselling"]


@pytest.fixture
def opening(make_service):
    make_service(
        "Daytime Centre",
        schedules=(ScheduleData("MO,TU,WE,TH,FR", time(9), time(17)),),
    )
    make_service(
        "Night Line",
        schedules=(ScheduleData("FR,SA", time(20), time(2)),),
    )
    make_service(
        "Always Line",
        schedules=(ScheduleData("MO,TU,WE,TH,FR,SA,SU", time(0), time(0)),),
        features=("open-bank-holidays",),
    )
    make_service("No Times Given")


def open_at(*moment: int) -> list[str]:
    return search(open_now=True, at=london(*moment))


def test_open_now_on_a_weekday(opening):
    assert open_at(2026, 11, 24, 10, 0) == ["Always Line", "Daytime Centre"]  # a Tuesday
    assert open_at(2026, 11, 24, 17, 0) == ["Always Line"]  # closes at 5pm


def test_open_now_past_midnight(opening):
    assert open_at(2026, 11, 28, 1, 30) == ["Always Line", "Night Line"]  # Friday's session
    assert open_at(2026, 11, 27, 1, 30) == ["Always Line"]  # Friday 1:30am: Thursday had none
    assert open_at(2026, 11, 29, 1, 30) == ["Always Line", "Night Line"]  # Saturday's session
    assert open_at(2026, 11, 29, 2, 0) == ["Always Line"]  # it closes at 2am
    assert open_at(2026, 11, 30, 1, 30) == ["Always Line"]  # no session on Sunday


def test_open_now_on_a_bank_holiday(opening):
    # Christmas Day 2026 is a Friday; Boxing Day, Saturday, is a bank holiday too.
    assert open_at(2026, 12, 25, 10, 0) == ["Always Line"]
    assert open_at(2026, 12, 25, 21, 0) == ["Always Line"]
    # Friday night's session started on a bank holiday, so it is not running at 1am Saturday.
    assert open_at(2026, 12, 26, 1, 0) == ["Always Line"]


def test_open_now_agrees_with_the_opening_times_shown(opening):
    from earlyhelp.directory.models import Service
    from earlyhelp.directory.opening import service_is_open
    from earlyhelp.directory.presentation import open_on_bank_holidays

    services = list(Service.objects.prefetch_related("schedules", "terms__taxonomy"))
    for moment in [(2026, 11, 24, 8, 59), (2026, 11, 28, 0, 0), (2026, 12, 28, 12, 0)]:
        at = london(*moment)
        expected = sorted(
            s.name
            for s in services
            if service_is_open(s.schedules.all(), at, open_bank_holidays=open_on_bank_holidays(s))
        )
        assert open_at(*moment) == expected


def test_open_now_with_words(opening):
    page = search_services(SearchParams(q="line", open_now=True, at=london(2026, 11, 28, 1)))
    assert page.total == 2
