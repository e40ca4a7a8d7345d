"""Every staff page a teacher or the DSL uses in a day fits a 320 px screen (WCAG 1.4.10
reflow: no sideways scrolling) and passes axe: the staff home, the concern pages, the inbox,
a child's record and chronology, the early help pages and the weekly meeting. Tables become
stacked rows (`.eh-table--stack`)."""

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from earlyhelp.casework.actions.assessment import add_plan_action
from earlyhelp.casework.actions.reviews import record_review
from earlyhelp.casework.models import ReviewOutcome
from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern
from earlyhelp.concerns.models import Concern, Part
from tests.early_help_universe import Children, assessed, build_children
from tests.functional.conftest import assert_accessible
from tests.functional.journeys import Driver, sign_in
from tests.universe import Universe

WIDTH = 320
NORTHFIELD = "/staff/schools/northfield-primary"
# Long words that must wrap, not widen the page: an email address and a URL typed in.
LONG = (
    "mum.is.at.jo.stone.family.home@example-long-domain.org.uk https://example.org/a/very/long/path"
)


@pytest.fixture
def phone(browser: Browser, live_server: Any) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": WIDTH, "height": 640},
        is_mobile=True,
        has_touch=True,
        bypass_csp=True,  # to inject axe
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/staff/", timeout=120_000)  # the live server's first request can be slow
    yield page
    context.close()


def a_week_of_casework(universe: Universe) -> tuple[Children, Concern]:
    children = build_children(universe)
    concern = log_concern(
        school=universe.northfield,
        details=ConcernDetails(
            account=f"Ava said Ben pushed her at the gate. Mum's email: {LONG}",
            occurred_at=timezone.now(),
            location="The gate by the car park",
            categories=("child_on_child", "physical_abuse"),
            action_taken="Listened and wrote it down.",
        ),
        pupils=[Involved(children.ava), Involved(children.ben, Part.ALLEGED_HARMER)],
        by=universe.tom,
    ).concern
    episode = assessed(children.ava, universe.dee)
    add_plan_action(
        episode=episode,
        need=f"Breakfast every morning ({LONG})",
        action="Breakfast club, every school day",
        who="Dee Lane and the breakfast club team",
        due_on=date(2026, 12, 1),
        by=universe.dee,
    )
    record_review(
        episode=episode,
        held_on=timezone.localdate(),
        outcome=ReviewOutcome.values[0],
        scale=6,
        notes=f"Going well. {LONG}",
        by=universe.dee,
    )
    return children, concern


def fits(page: Page, path: str) -> None:
    page.goto(path)
    expect(page.locator("h1")).to_have_count(1)
    wide = page.evaluate("() => document.documentElement.scrollWidth")
    assert wide <= WIDTH, f"{path} is {wide}px wide on a {WIDTH}px screen"
    assert_accessible(page)


def test_the_teachers_pages_fit_a_phone(phone: Page, universe):
    _, concern = a_week_of_casework(universe)
    sign_in(Driver(phone), "tom")
    expect(phone.locator("main a, main button").first).to_contain_text("Log a concern")
    for path in (
        "/staff/",
        f"{NORTHFIELD}/concerns/new/",
        f"{NORTHFIELD}/concerns/new/?q=Stone",
        f"{NORTHFIELD}/concerns/new/urgent/",
        f"{NORTHFIELD}/concerns/new/pupils/?q=Stone",
        f"{NORTHFIELD}/concerns/",
        f"{NORTHFIELD}/concerns/{concern.pk}/",
        f"{NORTHFIELD}/concerns/{concern.pk}/logged/",
        "/staff/account/sign-in-methods/",
    ):
        fits(phone, path)


def test_the_dsls_pages_fit_a_phone(phone: Page, universe):
    children, concern = a_week_of_casework(universe)
    ava = f"{NORTHFIELD}/children/{children.ava.pk}"
    sign_in(Driver(phone), "dee")
    for path in (
        "/staff/",
        f"{NORTHFIELD}/concerns/inbox/",
        f"{NORTHFIELD}/concerns/{concern.pk}/",
        f"{NORTHFIELD}/concerns/{concern.pk}/triage/",
        f"{NORTHFIELD}/children/",
        f"{ava}/",
        f"{ava}/chronology/",
        f"{ava}/early-help/",
        f"{ava}/early-help/assessment/",
        f"{ava}/early-help/plan/add/",
        f"{ava}/early-help/review/",
        f"{ava}/early-help/attendance-target/",
        f"{NORTHFIELD}/meetings/",
        f"{NORTHFIELD}/referrals/",
    ):
        fits(phone, path)


def test_the_editors_lists_fit_a_phone(phone: Page, universe):
    sign_in(Driver(phone), "ed")
    for path in (
        f"{NORTHFIELD}/offer/",
        f"{NORTHFIELD}/offer/versions/",
        f"{NORTHFIELD}/offer/services/",
        f"{NORTHFIELD}/offer/services/?q=carers",
    ):
        fits(phone, path)
