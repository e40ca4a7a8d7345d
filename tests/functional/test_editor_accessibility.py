"""The Offer editor's pages pass an axe scan (WCAG 2.2 A and AA) and work without JavaScript.

Added by the editor helper: every page of `offers_staff`, and each form in its error state.
"""

import pytest
from playwright.sync_api import Page, expect

from earlyhelp.offers.models import OfferEntry
from tests.functional import journeys
from tests.functional.conftest import assert_accessible
from tests.universe import Universe

BASE = "/staff/schools/northfield-primary/offer/"


def editor_pages(universe: Universe) -> list[str]:
    person = universe.northfield.key_people.get().pk
    entry = OfferEntry.objects.get(service=universe.samaritans).pk
    return [
        "/staff/",
        BASE,
        f"{BASE}texts/",
        f"{BASE}levels/2/",
        f"{BASE}people/add/",
        f"{BASE}people/{person}/",
        f"{BASE}people/{person}/remove/",
        f"{BASE}provision/add/",
        f"{BASE}provision/{universe.breakfast_club.pk}/",
        f"{BASE}provision/{universe.breakfast_club.pk}/delete/",
        f"{BASE}entries/{entry}/level/",
        f"{BASE}entries/{entry}/remove/",
        f"{BASE}services/",
        f"{BASE}services/?q=young&topic=young-carers",
        f"{BASE}services/{universe.young_carers.pk}/add/",
        f"{BASE}preview/",
        f"{BASE}publish/",
        f"{BASE}versions/",
        f"{BASE}versions/1/",
    ]


def test_every_editor_page_has_no_axe_violations(page: Page, universe):
    journeys.sign_in_page(page, "ed")
    for path in editor_pages(universe):
        page.goto(path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)


@pytest.mark.parametrize(
    ("path", "fill"),
    [
        ("provision/add/", {"#id_name": "ELSA", "#id_phone": "12", "#id_url": "not a url"}),
        ("people/add/", {"#id_name": "Priya Shah", "#id_email": "priya@"}),
        (
            "publish/",
            {"#id_review_due_0": "31", "#id_review_due_1": "2", "#id_review_due_2": "2030"},
        ),
    ],
)
def test_forms_in_error_have_no_axe_violations(page: Page, universe, path, fill):
    journeys.sign_in_page(page, "ed")
    if path == "publish/":  # with nothing changed there is nothing to publish (issue 12)
        page.goto(BASE + "texts/")
        page.fill("#id_introduction", "Changed words.")
        page.locator("main form[method=post] button[type=submit]").first.click()
        expect(page.locator("h1")).to_have_text("Early Help Offer")
    page.goto(BASE + path)
    for selector, value in fill.items():
        page.fill(selector, value)
    journeys.Driver(page).press(page.locator("main form[method=post] button[type=submit]").first)
    expect(page.locator(".govuk-error-summary")).to_have_count(1)
    assert_accessible(page)


def test_ordering_works_without_javascript(no_js_page: Page, universe):
    journeys.sign_in_page(no_js_page, "ed")
    no_js_page.goto(BASE + "levels/1/services/")
    no_js_page.get_by_label("Position of Samaritans").fill("1")
    journeys.Driver(no_js_page).press(no_js_page.get_by_role("button", name="Save the order"))
    names = no_js_page.locator(".eh-reorder h2").all_inner_texts()
    assert names[:2] == ["Samaritans", "Breakfast club"]
