"""The attendance officer's pages pass an axe scan (WCAG 2.2 A and AA) and fit a 320 px
screen: the register import (with a bad file, then a good one), today's first-day calls with
outcomes recorded in a tap, and a pupil's calendar with an amendment."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from tests.concerns_universe import add_roll
from tests.functional import journeys
from tests.functional.conftest import assert_accessible, assert_fits
from tests.universe import make_user

WIDTH = 320
ATTENDANCE = "/staff/schools/northfield-primary/attendance"


@pytest.fixture
def narrow(browser: Browser, live_server: Any) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": WIDTH, "height": 640}, bypass_csp=True
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def upload(page: Page, text: str) -> None:
    page.locator("input[type=file]").set_input_files(
        {"name": "register.csv", "mimeType": "text/csv", "buffer": text.encode()}
    )
    page.get_by_role("button", name="Import", exact=True).click()


def test_the_attendance_officers_pages(narrow: Page, universe):
    roll = add_roll(universe)
    officer = make_user("olive", "Olive", "Marsh")
    grant_role(by=None, user=officer, role=Role.ATTENDANCE_OFFICER, school=universe.northfield)
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    page = narrow
    page.goto("/staff/sign-in/")
    journeys.sign_in(journeys.Driver(page), "olive")
    page.goto(f"{ATTENDANCE}/import/")
    assert_accessible(page)
    assert_fits(page)
    upload(page, f"upn,date,session,code\n{roll.amy.upn},{today},AM,H\n")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Line 2: the code 'H' was retired")
    assert_accessible(page)
    assert_fits(page)
    lines = [f"{roll.amy.upn},{yesterday},AM,N", f"{roll.amy.upn},{yesterday},PM,N"]
    lines += [f"{roll.amy.upn},{today},AM,N", f"{roll.ben.upn},{today},AM,/"]
    upload(page, "upn,date,session,code\n" + "\n".join(lines) + "\n")
    expect(page.locator(".govuk-panel")).to_contain_text("4 marks added")
    upload(page, f"upn,date,session,code\n{roll.amy.upn},{yesterday},AM,I\n")
    expect(page.locator(".govuk-panel")).to_contain_text("1 amended")
    page.goto(f"{ATTENDANCE}/")
    expect(page.locator("main")).to_contain_text("Still to do: 1")
    assert_accessible(page)
    assert_fits(page)
    page.get_by_role("button", name="No answer for Amy Bell").click()
    expect(page.locator("main")).to_contain_text("Last try: No answer")
    page.get_by_role("button", name="Safe and well confirmed for Amy Bell").click()
    expect(page.locator("main")).to_contain_text("Done: 1")
    assert_accessible(page)
    assert_fits(page)
    page.get_by_role("link", name="Amy Bell").first.click()
    expect(page.locator("h1")).to_have_text("Attendance: Amy Bell")
    expect(page.locator("main")).to_contain_text("changed from N to I by Olive Marsh")
    assert_accessible(page)
    assert_fits(page)
