"""A parent finds their school's Offer, then a service by topic and age, and downloads the
Offer as a PDF: with the mouse, with the keyboard only, and with JavaScript switched off."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.functional.journeys import Driver, KeyboardDriver, NoScriptDriver


@pytest.fixture(autouse=True)
def offer_pdf_made(universe) -> None:
    """Publishing queued the Offer's PDF; the worker makes it, as it would after publishing."""
    call_command("db_worker", "--batch", "--queue-name", "default", stdout=io.StringIO())


def parent_finds_offer_and_service(d: Driver) -> None:
    page = d.page
    d.goto("/")
    d.scan()
    d.follow(page.get_by_role("link", name="Schools", exact=True))
    d.fill(page.get_by_label("School name or postcode"), "Northfield")
    d.press(page.get_by_role("button", name="Search schools"))
    d.follow(page.get_by_role("link", name="Northfield Primary"))
    expect(page.locator("h1")).to_contain_text("Early Help Offer")
    expect(page.locator("main")).to_contain_text("Dee Lane")
    expect(page.locator('a[href="tel:999"]').first).to_be_visible()
    d.scan()

    d.follow(page.get_by_role("link", name="Find support"))
    if page.locator("details#filters[open]").count() == 0:  # without JavaScript: closed
        page.locator("#filters summary").click()
    d.check(page.locator("input[name=topics][value=young-carers]"))
    d.fill(page.get_by_label("Age of the child or young person"), "9")
    d.press(page.get_by_role("button", name="Apply filters"))
    first_result = page.locator("main h3 a").first
    expect(first_result).to_have_text("Testshire Young Carers")
    d.scan()
    d.follow(first_result)
    expect(page.locator("h1")).to_have_text("Testshire Young Carers")
    expect(page.locator('a[href="tel:+441134960300"]').first).to_be_visible()
    d.scan()

    d.goto("/schools/northfield-primary/")
    pdf = d.download(page.get_by_role("link", name="Download this Offer as a PDF"))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert pdf.startswith(b"%PDF")
    for name in ("Testshire Young Carers", "Samaritans", "Breakfast club"):
        assert name in text


def test_with_the_mouse(page: Page, universe):
    parent_finds_offer_and_service(Driver(page))


def test_with_the_keyboard_only(page: Page, universe):
    parent_finds_offer_and_service(KeyboardDriver(page))


def test_without_javascript(no_js_page: Page, universe):
    parent_finds_offer_and_service(NoScriptDriver(no_js_page))
