"""The county's directory editor changes a service's phone number: every school's Offer page
and PDF that shows the service give the new number with no edit by the school, the school's
Offer editor is told what changed, and the LA officer signs in to the LA home. On a 375 px
phone, and the editor's pages at 320 px too: nothing wider than the screen, axe finds nothing."""

import io
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from tests.functional import journeys
from tests.functional.conftest import assert_accessible, assert_fits
from tests.universe import Universe, make_user

WORKSPACE = "/staff/local-authority/testshire/directory/"
OFFER = "/schools/northfield-primary/"
NEW_NUMBER = "01905 822777"

Phone = Callable[[int], Page]


@pytest.fixture
def phone(browser: Browser, live_server: Any) -> Iterator[Phone]:
    """A new browser (its own sign-in) with a screen `width` px wide, for each person."""
    contexts = []

    def open_page(width: int) -> Page:
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 800}, bypass_csp=True
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def dora(universe: Universe) -> None:
    user = make_user("dora", "Dora", "Reed")
    grant_role(by=None, user=user, role=Role.DIRECTORY_EDITOR, local_authority=universe.county)


def check(page: Page) -> None:
    assert_fits(page)
    assert_accessible(page)


def make_pdfs() -> None:
    """The worker makes the PDFs that were asked for, as it would in the background."""
    call_command("db_worker", "--batch", "--queue-name", "default", stdout=io.StringIO())


def offer_pdf_text(page: Page) -> str:
    page.goto(OFFER)
    href = page.get_by_role("link", name="Download this Offer as a PDF").get_attribute("href")
    assert href
    if page.request.get(href).status == 503:  # being made: the worker makes it
        make_pdfs()
    response = page.request.get(href)
    assert response.status == 200 and response.body().startswith(b"%PDF")
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)


def test_a_county_phone_change_reaches_every_offer_and_its_school(
    phone: Phone, universe: Universe, dora: None
) -> None:
    make_pdfs()  # publishing queued the Offer's PDF
    family = phone(375)
    assert "0113 496 0300" in offer_pdf_text(family)

    editor = phone(375)
    journeys.sign_in_page(editor, "dora")
    assert editor.url.endswith(WORKSPACE)
    expect(editor.locator("h1")).to_have_text("Directory services")
    check(editor)
    editor.get_by_role("link", name="Testshire Young Carers").click()
    expect(editor.locator("h1")).to_have_text("Testshire Young Carers")
    expect(editor.locator("main")).to_contain_text("Northfield Primary")  # whose Offer shows it
    check(editor)
    editor.get_by_role("link", name="Change phone").click()
    expect(editor.locator("h1")).to_have_text("Change Testshire Young Carers")
    check(editor)
    editor.get_by_label("Phone number (optional)", exact=True).fill(NEW_NUMBER)
    editor.get_by_role("button", name="Save").click()
    expect(editor.locator(".govuk-notification-banner")).to_contain_text("1 school’s Offer")
    expect(editor.locator("main")).to_contain_text(NEW_NUMBER)
    check(editor)

    family = phone(375)  # another family (a browser keeps a page it read for 5 minutes)
    family.goto(OFFER)
    expect(family.locator("main")).to_contain_text(NEW_NUMBER)
    check(family)
    text = offer_pdf_text(family)
    assert NEW_NUMBER in text and "0113 496 0300" not in text

    school = phone(375)
    journeys.sign_in_page(school, "ed")
    school.goto("/staff/schools/northfield-primary/offer/")
    banner = school.locator("#service-changes").locator("..").locator("..")
    expect(banner).to_contain_text(f"Phone changed from 0113 496 0300 to {NEW_NUMBER}")
    expect(banner).to_contain_text("by Dora Reed")
    check(school)
    school.get_by_role("button", name="Dismiss the change to Testshire Young Carers").click()
    expect(school.locator("#service-changes")).to_have_count(0)

    officer = phone(375)
    journeys.sign_in_page(officer, "lara")
    assert officer.url.endswith("/staff/local-authority/testshire/")
    expect(officer.locator("h1")).to_have_text("Your schools")
    check(officer)


def test_the_editors_pages_fit_a_320_px_screen(
    phone: Phone, universe: Universe, dora: None
) -> None:
    page = phone(320)
    journeys.sign_in_page(page, "dora")
    service = universe.young_carers.pk
    for path in (
        WORKSPACE,
        f"{WORKSPACE}?show=unverified",
        f"{WORKSPACE}services/{service}/",
        f"{WORKSPACE}services/{service}/change/",
        f"{WORKSPACE}services/{service}/withdraw/",
        f"{WORKSPACE}services/add/",
        f"{WORKSPACE}health/",
    ):
        page.goto(path)
        check(page)
    page.goto(f"{WORKSPACE}services/add/")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title("Error: Add a service – Testshire directory – earlyhelp")
    check(page)
