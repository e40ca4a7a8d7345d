"""Staff training in Chromium (issue 15): a new member of staff signs in, reads and signs
KCSIE Part one, and sees their training due; the DSL sees the compliance matrix and what
is overdue. Axe finds nothing at each step; every page fits 375 px and 320 px."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from urllib.request import urlopen

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from earlyhelp.training.defaults import ensure_defaults
from earlyhelp.training.rules import add_months
from tests.functional import journeys
from tests.functional.conftest import assert_accessible, assert_fits
from tests.integration.training.support import done
from tests.universe import make_user

TRAINING = "/staff/schools/northfield-primary/training/"


@pytest.fixture(autouse=True)
def _training_defaults(transactional_db: None) -> None:
    """The flush after each browser test empties what migration 0002 seeded."""
    ensure_defaults()


@pytest.fixture
def phone(browser: Browser, live_server: Any) -> Iterator[Page]:
    # The server's first answer imports the whole project: on a busy machine that alone can
    # take longer than a page's timeout, so it is asked once before the browser starts.
    urlopen(f"{live_server.url}/staff/sign-in/", timeout=120).close()  # nosec B310 - loopback
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 700}, bypass_csp=True
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def check(page: Page) -> None:
    """Axe finds nothing, and the page fits 375 px and then 320 px."""
    assert_accessible(page)
    assert_fits(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert_fits(page)
    page.set_viewport_size({"width": 375, "height": 700})


def test_a_new_member_of_staff_reads_and_signs_kcsie(phone: Page, universe):
    nina = make_user("nina", "Nina", "Shah")
    grant_role(by=None, user=nina, role=Role.STAFF, school=universe.northfield)
    page = phone
    page.goto("/staff/sign-in/")
    journeys.sign_in(journeys.Driver(page), "nina")
    expect(page.locator("h1")).to_have_text("Your schools")
    check(page)
    part_one = "Read and sign Keeping children safe in education 2025: Part one"
    page.get_by_role("link", name=part_one).click()
    expect(page.locator("h1")).to_have_text("Keeping children safe in education 2025: Part one")
    check(page)
    page.get_by_role("button", name="Sign", exact=True).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Confirm that you have read")
    assert page.title().startswith("Error: ")
    check(page)
    page.get_by_label("I have read this edition and understand it").check()
    page.get_by_role("button", name="Sign", exact=True).click()
    expect(page.locator("h1")).to_have_text("Your training")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "You have signed Keeping children safe in education 2025: Part one"
    )
    training = page.locator("table").nth(1)
    expect(training).to_contain_text("Safeguarding and child protection update")
    expect(training).to_contain_text("Missing")
    check(page)
    page.goto("/staff/")
    expect(page.get_by_role("link", name=part_one)).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Online safety: Missing")


def test_the_dsl_sees_the_matrix(phone: Page, universe):
    today = timezone.localdate()
    u = universe
    done(u.northfield, u.tom, "safeguarding-update", add_months(today, -12) - timedelta(days=3))
    done(u.northfield, u.ed, "safeguarding-update", add_months(today, -12) + timedelta(days=5))
    page = phone
    page.goto("/staff/sign-in/")
    journeys.sign_in(journeys.Driver(page), "dee")
    page.goto("/staff/")  # past the offer to add a passkey
    page.get_by_role("link", name="Training compliance").click()
    expect(page.locator("h1")).to_have_text("Training compliance")
    expect(page.locator("table").first).to_contain_text("Tom Webb")
    expect(page.locator("main")).to_contain_text("Due soon")
    expect(page.locator("main")).to_contain_text("Overdue")
    check(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    assert_fits(page)  # many columns scroll inside their own region, not the page
    assert_accessible(page)
    page.goto(f"{TRAINING}import/")
    check(page)
    page.goto(f"{TRAINING}policies/")
    check(page)
    page.goto(f"{TRAINING}record/")
    check(page)
    page.goto(f"{TRAINING}rules/")
    check(page)
