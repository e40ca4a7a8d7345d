"""Issue 13, into casework, in Chromium at 320 px: the DSL imports a register, Ava crosses
persistent absence, the first-day calls mark Ben (an open concern) and the weekly meeting shows
Ava's attendance item; deciding it closes the task. Axe clean, no page wider than the screen."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect

from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern
from earlyhelp.records.models import Task
from tests.early_help_universe import build_children
from tests.functional.conftest import assert_fits
from tests.functional.journeys import Driver, sign_in
from tests.worker import run_worker

NORTHFIELD = "/staff/schools/northfield-primary"


def register(ava: str, ben: str) -> str:
    """Ten school days before today, Ava ill for 3 of 20 sessions (85.0 %); Ben absent today."""
    today = timezone.localdate()
    days = [today - timedelta(days=n) for n in range(1, 20)]
    weekdays = sorted(d for d in days if d.weekday() < 5)[-10:]
    lines = ["upn,date,session,code", f"{ben},{today},AM,N"]
    for n, day in enumerate(weekdays):
        for s, session in enumerate(("AM", "PM")):
            lines.append(f"{ava},{day},{session},{'I' if 2 * n + s < 3 else '/'}")
    return "\n".join(lines) + "\n"


def test_a_crossing_reaches_the_meeting(page: Page, universe):
    children = build_children(universe)
    log_concern(
        school=universe.northfield,
        details=ConcernDetails(account="Hungry at lunch.", occurred_at=timezone.now()),
        pupils=[Involved(children.ben)],
        by=universe.tom,
    )
    page.set_viewport_size({"width": 320, "height": 900})
    d = Driver(page)
    d.goto("/staff/")
    sign_in(d, "dee")
    d.goto(f"{NORTHFIELD}/attendance/import/")
    page.locator("input[type=file]").set_input_files(
        {
            "name": "register.csv",
            "mimeType": "text/csv",
            "buffer": register(children.ava.upn, children.ben.upn).encode(),
        }
    )
    d.press(page.get_by_role("button", name="Import", exact=True))
    expect(page.locator(".govuk-panel")).to_contain_text("21 marks added")
    run_worker()  # the background worker measures the pupils the import queued
    d.goto(f"{NORTHFIELD}/attendance/")
    main = page.locator("main")
    expect(main.locator(f"#call-{children.ben.pk} .govuk-tag")).to_have_text("Priority")
    expect(main).to_contain_text("Known to the safeguarding team")
    assert_fits(page)
    d.scan()
    d.goto(f"{NORTHFIELD}/meetings/")
    expect(main).to_contain_text("Attendance (1)")
    expect(main).to_contain_text("Attendance: persistent absence — 85.0 % this year")
    assert_fits(page)
    d.scan()
    d.fill(page.get_by_label("Decision about Ava Stone (optional)", exact=True), "Meet mum.")
    d.fill(page.get_by_label(re.compile("^Reason for the decision about Ava Stone")), "Ill often.")
    d.press(page.get_by_role("button", name="Save the decisions"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("1 decision saved.")
    expect(main).to_contain_text("Attendance (0)")
    assert Task.objects.get(pupil=children.ava).done_at is not None
