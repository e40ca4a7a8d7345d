"""Every public page type passes an axe scan for WCAG 2.2 A and AA, with 0 violations."""

import pytest
from playwright.sync_api import Page

from tests.functional.conftest import assert_accessible

PUBLIC_PAGES = [
    "/",
    "/schools/",
    "/schools/northfield-primary/",
    "/directory/",
    "/directory/?q=young+carers",
    "/directory/?q=nothing-matches-this",
    "/accessibility/",
    "/staff/sign-in/",
    "/no-such-page/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_has_no_axe_violations(page: Page, universe, path):
    page.goto(path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_service_page_has_no_axe_violations(page: Page, universe):
    page.goto(f"/directory/{universe.young_carers.pk}/")
    assert_accessible(page)


def test_the_scan_reports_a_real_violation(page: Page):
    """The harness itself can fail: an unlabelled input is reported."""
    from tests.functional.conftest import axe_violations

    page.set_content('<html lang="en"><title>t</title><main><input type="text"></main></html>')
    assert "label" in {v["id"] for v in axe_violations(page)}
