"""The local authority officer signs in and lands on the LA home, at 1280, 375 and 320 px:
no page wider than the screen, and axe finds nothing."""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.early_help_universe import add_pupil, assessed
from tests.functional import journeys
from tests.functional.conftest import assert_accessible, assert_fits

HOME = "/staff/local-authority/testshire/"


@pytest.fixture(params=[1280, 375, 320])
def sized(request: pytest.FixtureRequest, browser: Browser, live_server: Any) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": request.param, "height": 800},
        bypass_csp=True,
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_the_officer_signs_in_and_lands_on_the_la_home(sized: Page, universe):
    for n in range(6):
        assessed(add_pupil(universe.northfield, f"Kid{n}", "Test", 60 + n), universe.dee)
    page = sized
    page.goto("/staff/sign-in/")
    journeys.sign_in(journeys.Driver(page), "lara")
    assert page.url.endswith(HOME)
    expect(page.locator("h1")).to_have_text("Your schools")
    expect(page.get_by_role("heading", name="Northfield Primary")).to_be_visible()
    expect(page.get_by_role("heading", name="Southbank Academy")).to_be_visible()
    assert "Kid0" not in page.content()
    assert_fits(page)
    assert_accessible(page)
    page.get_by_role("link", name="Children referred to Family Front Door").click()
    expect(page.locator("h1")).to_have_text("Early help in your schools")
