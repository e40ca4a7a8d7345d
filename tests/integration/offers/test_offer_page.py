"""The public Offer page at /schools/<slug>/, as a family reads it."""

from dataclasses import replace
from datetime import timedelta
from itertools import pairwise

import pytest
import time_machine
from django.utils import timezone

from earlyhelp.directory.actions import set_service_status, update_service
from earlyhelp.directory.data import PhoneData
from earlyhelp.directory.models import ServiceStatus
from earlyhelp.offers.actions.editing import add_own_provision, set_level_heading
from earlyhelp.schools.actions import PersonDetails, add_key_person
from tests.integration.offers.conftest import (
    get_page,
    offer_url,
    published_version,
    republish,
    service_data,
    text,
    with_class,
)
from tests.universe import young_carers_data


def test_published_offer_shows_people_services_and_emergency_numbers(client, universe):
    response = client.get(offer_url(universe.northfield))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dee Lane" in html
    assert "Designated Safeguarding Lead" in html
    assert 'href="tel:999"' in html
    assert 'href="tel:+441134960001"' in html  # the county front door
    assert "Testshire Young Carers" in html
    assert "Breakfast club" in html


@pytest.mark.parametrize("slug", ["southbank-academy", "no-such-school"])
def test_no_offer_without_a_published_version_or_a_school(client, universe, slug):
    assert client.get(offer_url(slug)).status_code == 404


def test_key_people_appear_once_each_with_all_their_roles_in_role_order(client, universe):
    school = universe.northfield
    for name, roles, phone in (
        ("Ria Shah", ("senco",), ""),
        ("Gil Hart", ("chair_of_governors",), ""),
        ("Ria Shah", ("family_support_lead",), "+441134960150"),
        ("Pat Quinn", ("deputy_dsl",), "+441134960151"),
    ):
        add_key_person(
            by=universe.ed, school=school, details=PersonDetails(name, roles, phone=phone)
        )
    republish(universe)

    rows = get_page(client, school).xpath(with_class("eh-people", "table") + "/tbody/tr")

    names = [text(row.xpath("th")[0]) for row in rows]
    assert names == ["Dee Lane", "Pat Quinn", "Gil Hart", "Ria Shah"]
    cells = {text(row.xpath("th")[0]): row.xpath("td") for row in rows}
    assert text(cells["Dee Lane"][0]) == "Designated Safeguarding Lead (DSL), Headteacher"
    assert text(cells["Ria Shah"][0]) == "SENCO, Family support lead"
    assert cells["Ria Shah"][1].xpath(".//a")[0].get("href") == "tel:+441134960150"
    assert text(cells["Gil Hart"][1]) == "Through the school office"


def test_support_is_grouped_by_level_in_the_schools_words_then_by_topic(client, universe):
    set_level_heading(
        by=universe.ed, offer=universe.northfield.offer, level=3, heading="When we need others"
    )
    republish(universe)

    page = get_page(client, universe.northfield)

    levels = page.xpath(with_class("eh-level", "section"))
    assert [text(s.xpath(".//h2")[0]) for s in levels] == ["Everyone", "When we need others"]
    everyone = levels[0]
    topics = [text(h) for h in everyone.xpath(".//h3")]
    assert topics == ["Family support", "Mental health and wellbeing"]
    services = [text(h) for h in everyone.xpath(".//h4")]
    assert services == ["Breakfast club", "Samaritans"]  # each under its own topic, in order
    assert [text(h) for h in levels[1].xpath(".//h4")] == ["Testshire Young Carers"]


def test_each_service_is_named_once_on_the_page(client, universe):
    page = get_page(client, universe.northfield)

    cards = page.xpath(with_class("eh-service"))
    assert sorted(card.get("id") for card in cards) == sorted(
        f"service-{s.pk}"
        for s in (universe.breakfast_club, universe.samaritans, universe.young_carers)
    )
    assert not page.xpath("//a[starts-with(@href, '#service-')]")  # no index repeating them
    assert not page.xpath("//details")  # three services: nothing to collapse


def test_a_level_with_many_services_shows_three_and_the_rest_behind_show_all(client, universe):
    offer = universe.northfield.offer
    for n in range(5):
        add_own_provision(
            by=universe.ed,
            offer=offer,
            data=service_data(f"Club {n}", 200 + n, "family-support"),
            level=1,
        )
    republish(universe)

    page = get_page(client, universe.northfield)

    [everyone] = page.xpath(with_class("eh-level", "section"))[:1]
    [details] = everyone.xpath(".//details")
    assert text(details.xpath("summary")[0]) == "Show all 7 services in Everyone"
    shown = [text(h) for h in everyone.xpath(".//h4[not(ancestor::details)]")]
    hidden = [text(h) for h in details.xpath(".//h4")]
    assert len(shown) == 3 and len(hidden) == 4
    assert sorted(shown + hidden) == sorted(
        ["Breakfast club", "Samaritans", *(f"Club {n}" for n in range(5))]
    )


def test_the_pupils_and_parents_links_come_before_the_offers_sections(client, universe):
    html = client.get(offer_url(universe.northfield)).content.decode()

    contents = html.index('id="contents-heading"')
    pupils = html.index("/schools/northfield-primary/tell-us/")
    parents = html.index("/schools/northfield-primary/ask-for-help/")
    assert contents < pupils < parents < html.index('id="people"')
    assert '/directory/?school=northfield-primary"' in html


def test_county_services_are_shown_as_the_directory_has_them_now(client, universe):
    corrected = replace(young_carers_data(), phones=(PhoneData("+441134960399"),))
    update_service(by=universe.lara, service=universe.young_carers, data=corrected)

    html = client.get(offer_url(universe.northfield)).content.decode()

    assert 'href="tel:+441134960399"' in html
    assert 'href="tel:+441134960300"' not in html


def test_the_schools_own_provision_is_shown_as_published(client, universe):
    draft = service_data("Breakfast club", 1, "family-support")
    update_service(
        by=universe.ed, service=universe.breakfast_club, data=replace(draft, description="Draft")
    )

    page = get_page(client, universe.northfield)

    card = text(page.get_element_by_id(f"service-{universe.breakfast_club.pk}"))
    assert "Breakfast every school day from 8am." in card
    assert "Draft" not in card


@pytest.mark.parametrize(
    ("service", "status"),
    [
        ("young_carers", ServiceStatus.DEFUNCT),
        ("samaritans", ServiceStatus.TEMPORARILY_CLOSED),
        ("breakfast_club", ServiceStatus.INACTIVE),
    ],
)
def test_a_service_closed_since_publication_is_left_out(client, universe, service, status):
    closed = getattr(universe, service)
    set_service_status(by=universe.lara, service=closed, status=status)

    page = get_page(client, universe.northfield)

    assert closed.name not in text(page)
    assert not page.xpath(f"//*[@id='service-{closed.pk}']")


def test_publication_and_review_dates_are_shown(client, universe):
    version = published_version(universe.northfield)

    html = text(get_page(client, universe.northfield))

    published = f"{timezone.localtime(version.published_at):%-d %B %Y}"
    review = f"{version.review_due:%-d %B %Y}"
    assert f"Published {published}. Next review by {review}." in html
    assert "was due for review" not in html


def test_an_offer_past_its_review_date_says_so(client, universe):
    due = published_version(universe.northfield).review_due

    with time_machine.travel(due + timedelta(days=1)):
        html = text(get_page(client, universe.northfield))

    assert f"This Offer was due for review on {due:%-d %B %Y}." in html


def test_quick_exit_is_on_every_offer_with_a_link_to_browsing_safely(client, universe):
    html = client.get(offer_url(universe.northfield)).content.decode()
    assert "Exit this page" in html
    assert 'href="/browse-safely/"' in html


def test_a_search_from_the_offer_keeps_the_school(client, universe):
    page = get_page(client, universe.northfield)
    [form] = page.xpath('//form[@action="/directory/"]')
    assert form.xpath('.//input[@name="school"]/@value') == ["northfield-primary"]
    assert form.xpath('.//input[@name="q"]')


def test_emergency_panel_gives_the_councils_numbers_and_999_as_phone_links(client, universe):
    page = get_page(client, universe.northfield)

    panels = page.xpath(with_class("eh-emergency"))
    assert len(panels) == 1
    links = {a.get("href") for a in panels[0].xpath(".//a")}
    assert {"tel:999", "tel:+441134960001", "tel:+441134960002"} <= links
    assert "You do not need to wait for the school" in text(panels[0])  # worded for families


def test_page_structure_is_accessible(client, universe):
    page = get_page(client, universe.northfield)
    main = page.get_element_by_id("main-content")

    levels = [int(h.tag[1]) for h in main.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in pairwise(levels))
    for table in main.iter("table"):
        assert table.xpath("thead/tr/th[@scope='col']")
        assert all(row.xpath("th[@scope='row']") for row in table.xpath("tbody/tr"))
    for list_ in main.iter("ul", "ol", "dl"):
        assert len(list_) > 0, "an empty list"
