"""The Offer editor at 1280 and 320 px (issue 12): the overview and a level's order fit the
screen, phone numbers with letters or 999 are refused with a GOV.UK error summary, and an
Offer document is imported from the page. axe finds nothing on any of them."""

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from earlyhelp.directory.models import Service
from tests.functional import journeys
from tests.functional.conftest import assert_accessible
from tests.integration.imports.saving import OFFER

BASE = "/staff/schools/northfield-primary/offer/"
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(params=[1280, 320])
def sized(request: pytest.FixtureRequest, browser: Browser, live_server: Any) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": request.param, "height": 800},
        bypass_csp=True,
    )
    context.set_default_timeout(60_000)  # the test machine is shared and slow
    yield context.new_page()
    context.close()


def fits(page: Page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    viewport = page.evaluate("() => window.innerWidth")
    assert width <= viewport, f"{page.url} is {width}px wide on a {viewport}px screen"


def checked(page: Page) -> None:
    fits(page)
    assert_accessible(page)


def sign_in(page: Page) -> None:
    page.goto("/staff/sign-in/")
    journeys.sign_in(journeys.Driver(page), "ed")


def test_the_editor_refuses_letters_and_999_in_a_phone_number(sized: Page, universe):
    page = sized
    sign_in(page)
    page.goto(f"{BASE}provision/add/")
    page.get_by_label("Name of the support").fill("Nurture group")
    page.locator("input[name=topics][value=mental-health]").check()
    page.locator("input[name=levels][value='2']").check()
    phone = page.get_by_label("Phone number (optional)", exact=True)

    phone.fill("01905 CALL ME")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the phone number in digits, like 01905 822666")
    expect(page).to_have_title(re.compile(r"^Error: "))
    checked(page)

    page.get_by_label("Phone number (optional)", exact=True).fill("999")
    page.get_by_role("button", name="Save").click()
    expect(summary).to_contain_text("This is an emergency number")
    checked(page)
    assert not Service.objects.filter(name="Nurture group").exists()


def test_the_overview_and_a_levels_order_fit_the_screen(sized: Page, universe):
    page = sized
    sign_in(page)
    page.goto(BASE)
    expect(page.locator("h1")).to_have_text("Early Help Offer")
    checked(page)
    page.locator(f"a[href='{BASE}levels/1/services/']").click()
    expect(page.get_by_label("Position of Samaritans")).to_have_value("2")
    checked(page)
    page.get_by_label("Position of Samaritans").fill("1")
    page.get_by_role("button", name="Save the order").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    expect(page.get_by_label("Position of Samaritans")).to_have_value("1")
    checked(page)


def test_an_offer_document_is_imported_from_the_page(sized: Page, universe, settings, tmp_path):
    settings.TASKS = IMMEDIATE  # the worker's own test is the roll import's
    document = tmp_path / "northfield.txt"
    document.write_text(OFFER, encoding="utf-8")
    page = sized
    sign_in(page)
    page.goto(BASE)
    page.get_by_role("link", name="Import your Offer document").click()
    expect(page.locator("h1")).to_have_text("Import your Offer document")
    checked(page)

    page.get_by_role("button", name="Import the document").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select your Offer document")
    checked(page)

    page.get_by_label("Upload your Offer document").set_input_files(str(document))
    page.get_by_role("button", name="Import the document").click()
    expect(page.locator("h1")).to_have_text("Review your imported Offer")
    people = page.locator("#people + table")
    expect(people).to_contain_text("DSL")
    expect(people).not_to_contain_text("dsl")
    expect(page.locator("#left-out ~ ul").first).to_contain_text("Police: 999")
    checked(page)
