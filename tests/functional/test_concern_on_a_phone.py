"""A teacher logs a concern in under a minute on a phone: measured in pages and taps.

The common case, from the staff home: "Log a concern" (the first thing on the page), the
pupil's name, what it is about, what was seen or said, what was done, whether a DSL knows,
"Log the concern". At most 2 pages loaded and 8 interactions, at 320 px and 1280 px, every
page the width of the screen and with no axe violations. A disclosure of harm with "Told a
DSL: No" ends on "Tell the DSL now" with the DSL's name and phone.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from earlyhelp.concerns.models import Concern
from tests.early_help_universe import build_children
from tests.functional.conftest import assert_accessible
from tests.functional.journeys import Driver, sign_in

MOST_PAGES, MOST_INTERACTIONS = 2, 8
NORTHFIELD = "/staff/schools/northfield-primary"


class CountingDriver(Driver):
    """The mouse, counting each fill, tick, click and choice, and each page loaded."""

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.interactions = 0
        self.pages = 0
        page.on("load", self._loaded)

    def _loaded(self, _: Page) -> None:
        self.pages += 1

    def start_counting(self) -> None:
        self.interactions = self.pages = 0

    def follow(self, link: Locator) -> None:
        self.interactions += 1
        super().follow(link)

    def press(self, button: Locator) -> None:
        self.interactions += 1
        super().press(button)

    def fill(self, field: Locator, text: str) -> None:
        self.interactions += 1
        super().fill(field, text)

    def check(self, box: Locator) -> None:
        self.interactions += 1
        super().check(box)


def screen(browser: Browser, live_server: Any, width: int, **options: Any) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": 700},
        bypass_csp=True,  # to inject axe; the page's own scripts run as they do for people
        **options,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/staff/", timeout=120_000)  # the live server's first request can be slow
    yield page
    context.close()


@pytest.fixture(params=[320, 1280], ids=["320px", "1280px"])
def any_screen(
    request: pytest.FixtureRequest, browser: Browser, live_server: Any
) -> Iterator[Page]:
    phone = request.param < 600
    yield from screen(browser, live_server, request.param, is_mobile=phone, has_touch=phone)


@pytest.fixture
def phone(browser: Browser, live_server: Any) -> Iterator[Page]:
    yield from screen(browser, live_server, 320, is_mobile=True, has_touch=True)


@pytest.fixture
def phone_without_js(browser: Browser, live_server: Any) -> Iterator[Page]:
    yield from screen(browser, live_server, 320, java_script_enabled=False)


def fits_and_passes_axe(page: Page) -> None:
    width = page.viewport_size["width"] if page.viewport_size else 0
    scroll = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.url} is {scroll}px wide on a {width}px screen"
    assert_accessible(page)


def test_a_disclosure_is_logged_in_two_pages_and_eight_taps(any_screen: Page, universe):
    build_children(universe)
    page = any_screen
    d = CountingDriver(page)
    d.goto("/staff/")
    sign_in(d, "tom")
    expect(page.locator("main a, main button").first).to_contain_text("Log a concern")
    fits_and_passes_axe(page)
    d.start_counting()

    d.follow(page.get_by_role("link", name="Log a concern"))
    fits_and_passes_axe(page)
    d.fill(page.get_by_label("Pupil’s name"), "Ava Stone")
    d.check(page.get_by_label("Physical abuse"))
    d.fill(page.get_by_label("What did you see or hear?"), "Ava said: Dad hit me with a belt.")
    d.fill(page.get_by_label("What did you do?"), "Listened, did not ask questions.")
    d.check(page.locator("input[name=told_dsl][value=no]"))
    d.press(page.get_by_role("button", name="Log the concern"))

    expect(page.locator("h1")).to_have_text("Concern logged")
    banner = page.locator(".eh-tell-dsl")
    expect(banner).to_contain_text("Tell the DSL now: Dee Lane, 0113 496 0100")
    expect(banner.get_by_role("link", name="0113 496 0100")).to_have_attribute(
        "href", "tel:+441134960100"
    )
    fits_and_passes_axe(page)
    print(f"\nconcern logged at {page.viewport_size}: {d.pages} pages, {d.interactions} taps")
    assert d.pages <= MOST_PAGES and d.interactions <= MOST_INTERACTIONS
    concern = Concern.objects.get()
    assert concern.tell_dsl_now and concern.links.get().pupil.first_name == "Ava"


def test_the_form_in_its_error_state_fits_a_phone(phone: Page, universe):
    build_children(universe)
    d = Driver(phone)
    d.goto("/staff/")
    sign_in(d, "tom")
    d.goto(f"{NORTHFIELD}/concerns/new/")
    d.fill(phone.get_by_label("Pupil’s name"), "Stone")  # two pupils: Ava and Ben
    d.press(phone.get_by_role("button", name="Log the concern"))
    expect(phone.locator(".govuk-error-summary")).to_contain_text("More than one pupil")
    assert phone.title().startswith("Error:")
    fits_and_passes_axe(phone)
    d.check(phone.get_by_label("Ben Stone (Year 4)"))
    d.fill(phone.get_by_label("What did you see or hear?"), "Ben was crying at lunch.")
    d.check(phone.get_by_label("Mental health or self-harm"))
    d.check(phone.locator("input[name=told_dsl][value=yes]"))
    d.press(phone.get_by_role("button", name="Log the concern"))
    expect(phone.locator("h1")).to_have_text("Concern logged")
    expect(phone.locator(".eh-tell-dsl")).to_have_count(0)
    assert Concern.objects.get().links.get().pupil.first_name == "Ben"


def test_without_javascript_the_roll_is_searched_on_the_same_page(phone_without_js: Page, universe):
    build_children(universe)
    page = phone_without_js
    d = Driver(page)
    d.goto("/staff/")
    sign_in(d, "tom")
    d.goto(f"{NORTHFIELD}/concerns/new/")
    page.locator("summary", has_text="Search the roll instead").click()
    d.fill(page.get_by_label("Part of a first name or last name"), "stone")
    d.press(page.get_by_role("button", name="Search", exact=True))
    assert page.url.split("?")[0].endswith("/concerns/new/")
    d.check(page.get_by_label("Ava Stone (Year 4)"))
    d.fill(page.get_by_label("What did you see or hear?"), "Ava had no coat again.")
    d.check(page.get_by_label("Neglect"))
    d.check(page.locator("input[name=told_dsl][value=yes]"))
    d.press(page.get_by_role("button", name="Log the concern"))
    expect(page.locator("h1")).to_have_text("Concern logged")
    assert Concern.objects.get().links.get().pupil.first_name == "Ava"
