"""The demo's Westlands First School Offer (dozens of services) as a family reads it, on a 320 px
phone and at 1280 px.

The emergency panel first, then the contents, then the pupils' and parents' links; each
service once; each level's long list collapsed behind "Show all N services" (a <details>,
so it works without JavaScript). At 320 px the page was 63,449 px tall (95 screens) before
issue 12's changes (measured by this test on the page as it was); it must now be far shorter.
"""

import re
from collections.abc import Callable, Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.functional.conftest import assert_accessible, assert_fits

WESTLANDS = "/schools/westlands-first-school/"
SCREEN_HEIGHT = 667
HEIGHT_BEFORE_AT_320 = 63_449  # px: every service in full, the topic index repeating them
SHOW_ALL = re.compile(r"^\s*Show all \d+ services in ")


WIDTHS = [320, 1280]


@pytest.fixture
def open_westlands(
    browser: Browser, live_server: Any, taxonomies: None
) -> Iterator[Callable[[int], Page]]:
    """The demo loaded once (it takes seconds), then its Westlands Offer opened at a width."""
    call_command("load_demo", stdout=StringIO())
    contexts: list[BrowserContext] = []

    def open_at(width: int) -> Page:
        context = browser.new_context(
            base_url=live_server.url,
            viewport={"width": width, "height": SCREEN_HEIGHT},
            is_mobile=width < 640,
            has_touch=width < 640,
            bypass_csp=True,
        )
        contexts.append(context)
        context.set_default_timeout(15_000)
        page = context.new_page()
        page.goto(WESTLANDS)
        return page

    yield open_at
    for context in contexts:
        context.close()


def top(page: Page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box["y"]


def test_the_westlands_offer_is_short_with_each_service_once(
    open_westlands: Callable[[int], Page], capsys: pytest.CaptureFixture[str]
):
    for width in WIDTHS:
        check_westlands(open_westlands(width), capsys)


def check_westlands(offer: Page, capsys: pytest.CaptureFixture[str]) -> None:
    assert_fits(offer)
    assert_accessible(offer)
    if offer.viewport_size == {"width": 320, "height": SCREEN_HEIGHT}:
        height = offer.evaluate("() => document.documentElement.scrollHeight")
        with capsys.disabled():
            print(
                f"\nWestlands Offer at 320 px: {height:,} px tall ({height / SCREEN_HEIGHT:.0f} "
                f"screens); before issue 12: {HEIGHT_BEFORE_AT_320:,} px "
                f"({HEIGHT_BEFORE_AT_320 / SCREEN_HEIGHT:.0f} screens)"
            )
        assert height < HEIGHT_BEFORE_AT_320 / 3

    # Each service once: one card, and no other link on the page naming it.
    ids = offer.locator(".eh-offer .eh-service").evaluate_all("(els) => els.map((e) => e.id)")
    assert len(ids) > 40
    assert len(ids) == len(set(ids))
    links = offer.locator(".eh-offer .eh-service h4 a, .eh-offer a[href^='#service-']")
    hrefs = links.evaluate_all("(els) => els.map((a) => a.getAttribute('href'))")
    assert len(hrefs) == len(set(hrefs)) == len(ids), "a service is named twice"

    # The emergency panel, the contents, then the pupils' and parents' links, near the top.
    emergency = top(offer, ".eh-emergency")
    contents = top(offer, ".eh-contents")
    pupils = top(offer, "a:text('Pupils: tell us something')")
    parents = top(offer, "a:text('Parents and carers: ask for help')")
    assert emergency < contents < pupils < parents < top(offer, "#about")
    assert parents < 3 * SCREEN_HEIGHT, "the parents' link is not near the top"

    # Long lists collapsed; "Show all" opens them, and the page still fits.
    more = offer.locator(".eh-offer details.eh-more")
    assert more.count() >= 3
    summary = more.first.locator("summary")
    expect(summary).to_have_text(SHOW_ALL)
    hidden = more.first.locator(".eh-service").first
    expect(hidden).to_be_hidden()
    summary.click()
    expect(hidden).to_be_visible()
    assert_fits(offer)
