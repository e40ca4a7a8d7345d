"""Filters that tell the truth: unknown hours shown apart, ages from each service's
eligibility, free services found, a school's own provision only in its own context."""

from datetime import time
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from lxml import html as lxml_html  # type: ignore[import-untyped]

from earlyhelp.directory.actions import create_service
from earlyhelp.directory.data import ScheduleData, ServiceData
from earlyhelp.directory.models import Scope
from earlyhelp.directory.search import SearchParams, search_services
from tests.integration.directory.conftest import london
from tests.integration.directory.test_search_ranking import names, search
from tests.universe import make_county, make_school

EVENING = london(2026, 11, 26, 19, 30)  # a Thursday evening


@pytest.fixture
def lines(make_service):
    make_service(
        "Always Line",
        topics=("mental-health",),
        free=True,
        minimum_age=Decimal(0),
        schedules=(ScheduleData("MO,TU,WE,TH,FR,SA,SU", time(0), time(0)),),
        features=("open-bank-holidays",),
    )
    make_service(
        "Office Hours Team",
        topics=("mental-health",),
        free=False,
        minimum_age=Decimal(5),
        maximum_age=Decimal(18),
        schedules=(ScheduleData("MO,TU,WE,TH,FR", time(9), time(17)),),
    )
    make_service("Unknown Hours Club", topics=("mental-health",))
    make_service(
        "Young Adults Hub",
        topics=("mental-health",),
        minimum_age=Decimal(16),
        maximum_age=Decimal(25),
    )


def test_open_now_keeps_services_with_unknown_hours_apart(lines):
    assert search(open_now=True, at=EVENING) == ["Always Line"]
    unknown = search(open_now=True, hours_unknown=True, at=EVENING)
    assert unknown == ["Unknown Hours Club", "Young Adults Hub"]


def test_age_25_matches_only_services_whose_ages_include_it(lines):
    assert search(age=Decimal(25)) == ["Always Line", "Young Adults Hub"]
    assert search(age=Decimal(9)) == ["Always Line", "Office Hours Team", "Unknown Hours Club"]


def test_free_only_finds_the_free_services(lines):
    assert search(free_only=True) == ["Always Line"]


@pytest.fixture
def two_schools(db):
    county = make_county()
    mine, other = make_school(county, "Northfield Primary"), make_school(county, "Southfield")
    for school in (mine, other):
        data = ServiceData(
            name=f"Breakfast club at {school.name}",
            organization_name=school.name,
            topics=("family-support",),
            free=True,
        )
        create_service(by=None, data=data, scope=Scope.SCHOOL, owner_school=school)
    national = ServiceData(
        name="Family Line", organization_name="Charity", topics=("family-support",)
    )
    create_service(by=None, data=national, scope=Scope.NATIONAL)
    return mine, other


def test_a_schools_own_provision_shows_only_in_its_own_context(two_schools):
    mine, _other = two_schools
    assert search("breakfast") == []
    assert search(topics=("family-support",)) == ["Family Line"]
    found = names(search_services(SearchParams(q="breakfast", school_id=mine.pk)))
    assert found == ["Breakfast club at Northfield Primary"]
    everything = names(search_services(SearchParams(school_id=mine.pk)))
    assert everything == ["Breakfast club at Northfield Primary", "Family Line"]


def results(client, **params) -> list[str]:
    page = lxml_html.fromstring(client.get(reverse("directory:search"), params).content)
    return [a.text_content().strip() for a in page.xpath('//ol[@id="results"]/li//h3/a')]


def test_the_search_page_hides_other_schools_provision(client, two_schools):
    mine, _other = two_schools
    assert results(client, q="breakfast") == []
    assert results(client, q="breakfast", school=mine.slug) == [
        "Breakfast club at Northfield Primary"
    ]


def test_the_search_page_lists_unknown_hours_under_their_own_heading(client, lines):
    with time_machine.travel(EVENING, tick=False):
        response = client.get(reverse("directory:search"), {"open_now": "on"})
        assert results(client, open_now="on") == ["Always Line"]
    page = lxml_html.fromstring(response.content)
    heading = page.xpath('//h2[@id="hours-unknown-heading"]')[0].text_content()
    assert "Hours not known: 2 more services" in heading
    listed = [
        a.text_content()
        for a in page.xpath('//ul[contains(@class, "eh-hours-unknown__list")]/li/a[1]')
    ]
    assert listed == ["Unknown Hours Club", "Young Adults Hub"]
    assert "Filter (1 applied)" in " ".join(page.xpath("//summary")[0].text_content().split())


def test_the_page_says_why_a_result_matched_and_offers_a_correction(client, make_service):
    make_service("Kite Club", description="Help with bullying at school.", topics=("bullying",))
    page = lxml_html.fromstring(client.get(reverse("directory:search"), {"q": "bulying"}).content)
    assert results_of(page) == ["Kite Club"]
    suggestion = page.xpath('//p[contains(@class, "eh-did-you-mean")]//a')[0]
    assert suggestion.text_content() == "bullying" and "q=bullying" in suggestion.get("href")
    matched = page.xpath('//ol[@id="results"]/li//p[contains(@class, "eh-result__matched")]')
    assert matched and matched[0].text_content().startswith("Matches: ")


def test_nothing_found_offers_topics_and_emergency_routes_not_a_spelling_hint(client, db):
    response = client.get(reverse("directory:search"), {"q": "being bullied at school"})
    html = response.content.decode()
    page = lxml_html.fromstring(response.content)
    assert results_of(page) == []
    assert "check the spelling" not in html
    assert 'href="tel:+448001111"' in html and 'href="tel:116123"' in html


def results_of(page: Any) -> list[str]:
    return [a.text_content().strip() for a in page.xpath('//ol[@id="results"]/li//h3/a')]


def test_back_to_results_keeps_the_search_and_only_links_to_it(client, lines):
    search_page = client.get(reverse("directory:search"), {"q": "always", "free_only": "on"})
    page = lxml_html.fromstring(search_page.content)
    link = page.xpath('//ol[@id="results"]/li//h3/a/@href')[0]
    service_page = lxml_html.fromstring(client.get(link).content)
    [back] = service_page.xpath('//a[contains(@class, "govuk-back-link")]')
    assert back.text_content() == "Back to results"
    assert back.get("href") == "/directory/?q=always&free_only=on"

    service = link.split("?")[0]
    hostile = client.get(service, {"back": '//evil.example/"><script>x</script>'}).content
    [back] = lxml_html.fromstring(hostile).xpath('//a[contains(@class, "govuk-back-link")]')
    assert back.get("href").startswith("/directory/?")
    assert b"<script>x" not in hostile
