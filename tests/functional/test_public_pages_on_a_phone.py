"""The public pages on phones 375 and 320 px wide: nothing wider than the screen, the quick
exit on every page and every state of the pupils' and parents' forms, results first after a
search with focus on their heading, and no axe violations."""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from earlyhelp.offers.actions.publishing import publish_offer
from earlyhelp.schools.actions import PersonDetails, add_key_person
from tests.functional.conftest import assert_accessible

HEIGHT = 667
SCHOOL = "/schools/northfield-primary"


@pytest.fixture(params=[375, 320], ids=["375px", "320px"])
def phone(request: pytest.FixtureRequest, browser: Browser, live_server: Any) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": request.param, "height": HEIGHT},
        is_mobile=True,
        has_touch=True,
        bypass_csp=True,
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def check_page(page: Page) -> None:
    """Fits the screen, offers the quick exit and how to browse safely, and passes axe."""
    width, inner = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{page.url} is {width}px wide on a {inner}px screen"
    expect(page.locator(".govuk-exit-this-page__button")).to_be_visible()
    expect(page.get_by_role("link", name="How to browse safely")).to_have_count(1)
    # The quick exit is sticky: scrolled down it covers the header, which axe would count
    # against the menu toggle beneath it. Check the page as it first shows.
    page.evaluate("() => window.scrollTo(0, 0)")
    assert_accessible(page)


def test_public_pages_fit_and_offer_the_quick_exit(phone: Page, universe):
    paths = [
        "/",
        "/directory/",
        "/directory/?q=young+carers",
        "/directory/?q=nothing-matches-this",
        "/directory/?open_now=on",
        f"/directory/{universe.young_carers.pk}/",
        f"{SCHOOL}/",
        "/browse-safely/",
    ]
    for path in paths:
        phone.goto(path)
        check_page(phone)


def test_search_results_come_first_with_focus_on_their_heading(phone: Page, universe):
    phone.goto("/directory/?q=young+carers")
    heading = phone.locator("#results-heading")
    expect(heading).to_be_focused()
    box = phone.locator("#id_q").bounding_box()
    first = phone.locator("ol#results > li").first.bounding_box()
    assert box is not None and first is not None
    assert first["y"] - (box["y"] + box["height"]) < HEIGHT
    expect(phone.locator("details#filters")).not_to_have_attribute("open", "")


def test_the_filters_open_and_still_fit(phone: Page, universe):
    phone.goto("/directory/?q=young+carers&free_only=on")
    expect(phone.locator("#filters summary")).to_contain_text("Filter (1 applied)")
    phone.locator("#filters summary").click()
    expect(phone.get_by_label("Age of the child or young person")).to_be_visible()
    check_page(phone)


def test_back_to_results_keeps_the_search(phone: Page, universe):
    phone.goto("/directory/?q=young+carers&free_only=on")
    phone.locator("ol#results > li h3 a").first.click()
    phone.get_by_role("link", name="Back to results").click()
    expect(phone.get_by_label("Search for support")).to_have_value("young carers")


@pytest.mark.parametrize("form", ["tell-us", "ask-for-help"])
def test_each_state_of_the_public_forms(phone: Page, universe, form: str):
    phone.goto(f"{SCHOOL}/{form}/")
    check_page(phone)
    phone.get_by_role("button", name="Send").click()  # empty: the error state
    expect(phone.locator(".govuk-error-summary")).to_be_visible()
    check_page(phone)
    phone.goto(f"{SCHOOL}/{form}/sent/")
    check_page(phone)


def test_the_offer_with_long_contacts_fits(phone: Page, universe):
    # A real school's key people: long role names and a long email address, which in three
    # table columns made the Offer 346 px wide on a 320 px phone.
    add_key_person(
        by=None,
        school=universe.northfield,
        details=PersonDetails(
            name="Rachel Roberts",
            roles=("dsl", "headteacher", "mental_health_lead"),
            email="head@northfield-primary.exampleshire.sch.uk",
            phone="+441134960101",
        ),
    )
    publish_offer(by=universe.ed, offer=universe.northfield.offer)
    phone.goto(f"{SCHOOL}/")
    expect(phone.get_by_text("head@northfield-primary.exampleshire.sch.uk")).to_be_visible()
    check_page(phone)
