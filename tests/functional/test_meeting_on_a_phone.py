"""The weekly meeting in Chromium, on a desktop and on a 320 px phone: two decisions typed,
one press of "Save the decisions", both recorded; no page wider than the screen; axe clean."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from earlyhelp.casework.models import MeetingDecision
from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern
from earlyhelp.concerns.models import Part
from tests.early_help_universe import build_children
from tests.functional.conftest import assert_fits
from tests.functional.journeys import Driver, sign_in
from tests.universe import Universe

NORTHFIELD = "/staff/schools/northfield-primary"


def week_of_concerns(universe: Universe) -> None:
    children = build_children(universe)
    log_concern(
        school=universe.northfield,
        details=ConcernDetails(
            account="Ava said Ben pushed her at the gate.",
            occurred_at=timezone.now(),
            categories=("child_on_child",),
            immediate_risk=True,
        ),
        pupils=[Involved(children.ava), Involved(children.ben, Part.ALLEGED_HARMER)],
        by=universe.tom,
    )


@pytest.mark.parametrize("width", [1280, 320])
def test_two_decisions_typed_are_both_recorded(page: Page, universe, width):
    week_of_concerns(universe)
    page.set_viewport_size({"width": width, "height": 900})
    d = Driver(page)
    d.goto("/staff/")
    sign_in(d, "dee")
    d.goto(f"{NORTHFIELD}/meetings/")
    main = page.locator("main")
    expect(main).to_contain_text("New concerns (2)")
    expect(main).to_contain_text("Ben Stone (alleged harmer)")
    expect(main).to_contain_text("Immediate risk")
    assert_fits(page)
    d.scan()
    for name, decision in (("Ava Stone", "Talk to mum today."), ("Ben Stone", "Meet Ben and dad.")):
        d.fill(page.get_by_label(f"Decision about {name} (optional)", exact=True), decision)
        d.fill(page.get_by_label(re.compile(f"^Reason for the decision about {name}")), "Pushed.")
    d.press(page.get_by_role("button", name="Save the decisions"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("2 decisions saved.")
    expect(main).to_contain_text("Talk to mum today. Reason: Pushed.")
    expect(main).to_contain_text("Meet Ben and dad. Reason: Pushed.")
    expect(main).to_contain_text("New concerns (0)")
    assert MeetingDecision.objects.count() == 2
    assert_fits(page)
    d.scan()
    d.follow(page.get_by_role("link", name="Printable agenda and minutes"))
    expect(main).to_contain_text("Talk to mum today.")
    assert_fits(page)
    d.scan()
