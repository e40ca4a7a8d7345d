"""A teacher logs a concern on a phone-sized screen (375 × 667) without ever scrolling
sideways: every step of the form fits the width of the screen."""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from earlyhelp.concerns.models import Concern
from tests.early_help_universe import build_children
from tests.functional.conftest import assert_fits
from tests.functional.journeys import Driver, sign_in

WIDTH, HEIGHT = 375, 667
NORTHFIELD = "/staff/schools/northfield-primary"


@pytest.fixture
def phone(browser: Browser, live_server: Any) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": WIDTH, "height": HEIGHT},
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_a_teacher_logs_a_concern_on_a_phone(phone: Page, universe):
    build_children(universe)
    d, page = Driver(phone), phone
    d.goto("/staff/")
    assert_fits(page)
    sign_in(d, "tom")
    d.goto(f"{NORTHFIELD}/concerns/new/")
    assert_fits(page)
    d.check(page.locator("input[name=risk][value=no]"))
    d.press(page.get_by_role("button", name="Continue"))
    d.fill(page.get_by_label("Find a pupil by name"), "Stone")
    d.press(page.get_by_role("button", name="Search"))
    assert_fits(page)
    d.follow(page.get_by_role("link", name="Add Ava Stone"))
    assert_fits(page)
    d.follow(page.get_by_role("link", name="Continue"))
    assert_fits(page)
    d.fill(page.get_by_label("What did you see or hear?"), "Ava said: we had no tea again.")
    for box, value in zip(("0", "1", "2"), ("23", "11", "2026"), strict=True):
        d.fill(page.locator(f"#id_occurred_on_{box}"), value)
    d.check(page.locator("input[name=categories][value=neglect]"))
    d.fill(page.get_by_label("What did you do?"), "Listened and gave her toast.")
    d.check(page.locator("input[name=told_dsl][value=no]"))
    assert_fits(page)
    d.press(page.get_by_role("button", name="Log the concern"))
    expect(page.locator("h1")).to_have_text("Concern logged")
    assert_fits(page)
    assert Concern.objects.get().links.get().pupil.first_name == "Ava"


def test_the_form_in_its_error_state_fits_a_phone(phone: Page, universe):
    build_children(universe)
    d, page = Driver(phone), phone
    d.goto("/staff/")
    sign_in(d, "tom")
    d.goto(f"{NORTHFIELD}/concerns/new/pupils/?q=Stone")
    d.follow(page.get_by_role("link", name="Add Ben Stone"))
    d.follow(page.get_by_role("link", name="Continue"))
    d.press(page.get_by_role("button", name="Log the concern"))
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_fits(page)
