"""The import review screen in a browser: an axe scan, its error state, and a submit that
works with JavaScript off."""

from pathlib import Path

from playwright.sync_api import Page, expect

from earlyhelp.imports.models import RunStatus
from tests.functional import journeys
from tests.functional.conftest import assert_accessible
from tests.integration.imports.saving import save, waiting_run, write_offer

REVIEW = "/staff/schools/northfield-primary/offer/import/"


def test_the_review_screen_and_its_error_state_have_no_axe_violations(
    page: Page, universe, tmp_path: Path
):
    save(write_offer(tmp_path))
    journeys.sign_in_page(page, "ed")
    page.goto(REVIEW)
    expect(page.locator("h1")).to_have_text("Review your imported Offer")
    assert_accessible(page)
    page.get_by_role("button", name="Save your choices").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)


def test_choices_are_saved_without_javascript(no_js_page: Page, universe, tmp_path: Path):
    save(write_offer(tmp_path))
    run = waiting_run(universe.northfield)
    journeys.sign_in_page(no_js_page, "ed")
    no_js_page.goto(REVIEW)
    for question in no_js_page.locator("fieldset").all():
        question.locator("input[type=radio]").first.check()
    no_js_page.get_by_role("button", name="Save your choices").click()
    expect(no_js_page.locator("h1")).to_have_text("Early Help Offer")
    run.refresh_from_db()
    assert run.status == RunStatus.REVIEWED
