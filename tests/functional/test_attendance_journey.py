"""Issue 13's acceptance journey in Chromium at 375 px, then every page again at 320 px.

The attendance officer imports a register on the page, works today's first-day calls from
the family's contacts, records the outcomes, sees Ava cross persistent absence, notifies the
local authority of Finn (ten school days of unauthorised absence) and makes the half-term
letters; the DSL finds Ava's item on the weekly meeting's agenda; the local authority
officer sees the school's rates and Finn's notification. Axe finds nothing on any page."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from earlyhelp.pupils.models import Pupil, PupilContact
from tests.early_help_universe import add_pupil, build_children
from tests.functional.conftest import assert_fits
from tests.functional.journeys import Driver, sign_in
from tests.universe import make_user

NORTHFIELD = "/staff/schools/northfield-primary"
ATTENDANCE = f"{NORTHFIELD}/attendance/"
LA_PAGE = "/staff/local-authority/testshire/attendance/"
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
TRUANTS = ["Finn", "Gus", "Hal", "Ivy", "Jem"]


def register(ava: Pupil, ben: Pupil, truants: list[Pupil]) -> str:
    """Ten school days before today: Ava ill 3 of 20 sessions (85.0 %), Ben present, the
    truants absent without leave (`O`) throughout; today Ben is absent with no reason."""
    today = timezone.localdate()
    days = sorted(d for d in (today - timedelta(days=n) for n in range(1, 20)) if d.weekday() < 5)
    lines = ["upn,date,session,code", f"{ben.upn},{today},AM,N"]
    for n, day in enumerate(days[-10:]):
        for s, session in enumerate(("AM", "PM")):
            lines.append(f"{ava.upn},{day},{session},{'I' if 2 * n + s < 3 else '/'}")
            lines.append(f"{ben.upn},{day},{session},/")
            lines += [f"{t.upn},{day},{session},O" for t in truants]
    return "\n".join(lines) + "\n"


@pytest.fixture
def people(browser: Browser, live_server: Any) -> Iterator[Any]:
    contexts = []

    def open_as(username: str) -> tuple[Page, Driver]:
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": 375, "height": 900}, bypass_csp=True
        )
        context.set_default_timeout(20_000)
        contexts.append(context)
        page = context.new_page()
        d = Driver(page)
        d.goto("/staff/sign-in/")
        sign_in(d, username)
        return page, d

    yield open_as
    for context in contexts:
        context.close()


def fits_at_320(page: Page, addresses: list[str]) -> None:
    page.set_viewport_size({"width": 320, "height": 900})
    for address in addresses:
        page.goto(address)
        assert_fits(page)


def test_the_attendance_journey(people, universe, settings):
    settings.TASKS = IMMEDIATE  # the letters are made as soon as they are asked for
    children = build_children(universe)
    truants = [
        add_pupil(universe.northfield, name, "Hart", 20 + n) for n, name in enumerate(TRUANTS)
    ]
    for pupil in (children.ava, children.ben):
        PupilContact.objects.create(
            pupil=pupil, name="Jo Stone", relationship="Mother", phone="+447700900123",
            email="jo.stone@example.org", priority=1,
        )  # fmt: skip
    PupilContact.objects.create(
        pupil=children.ben, name="Sam Stone", relationship="Father", phone="+441632960001",
        priority=2,
    )  # fmt: skip
    officer = make_user("olive", "Olive", "Marsh")
    grant_role(by=None, user=officer, role=Role.ATTENDANCE_OFFICER, school=universe.northfield)

    page, d = people("olive")
    main = page.locator("main")
    d.goto(f"{ATTENDANCE}import/")
    page.locator("input[type=file]").set_input_files(
        {
            "name": "register.csv",
            "mimeType": "text/csv",
            "buffer": register(children.ava, children.ben, truants).encode(),
        }
    )
    d.press(page.get_by_role("button", name="Import", exact=True))
    expect(page.locator(".govuk-panel")).to_contain_text("141 marks added")
    d.scan()

    d.goto(ATTENDANCE)
    ben = main.locator(f"#call-{children.ben.pk}")
    expect(ben).to_contain_text("Jo Stone (Mother): 07700 900123")
    expect(ben.get_by_role("link", name="07700 900123")).to_have_attribute(
        "href", "tel:+447700900123"
    )
    expect(ben.get_by_role("link", name="jo.stone@example.org")).to_have_attribute(
        "href", "mailto:jo.stone@example.org"
    )
    expect(ben).to_contain_text("Sam Stone (Father): 01632 960001")
    d.scan()
    d.press(page.get_by_role("button", name="No answer for Ben Stone"))
    expect(main).to_contain_text("Last try: No answer")
    d.press(page.get_by_role("button", name="Reached: reason given for Ben Stone"))
    expect(main).to_contain_text("Every call for today is done.")
    expect(main).to_contain_text("Ava Stone: 85.0% attendance")
    d.press(
        page.get_by_role(
            "button", name="Notify the local authority that Finn Hart is missing education"
        )
    )
    expect(main.locator(f"#missing-{truants[0].pk}")).to_contain_text("Local authority notified on")
    d.scan()

    d.follow(page.get_by_role("link", name="Half-term letters"))
    d.press(page.get_by_role("button", name="Make this half term’s letters"))
    expect(main).to_contain_text("Letter to Jo Stone (PDF), about Ava Stone")
    expect(main).to_contain_text("Letter to the parent or carer of Finn Hart (PDF)")
    d.scan()
    fits_at_320(page, [f"{ATTENDANCE}import/", ATTENDANCE, f"{ATTENDANCE}letters/"])

    page, d = people("dee")
    d.goto(f"{NORTHFIELD}/meetings/")
    main = page.locator("main")
    expect(main).to_contain_text("Attendance: persistent absence — 85.0 % this year")
    d.scan()
    fits_at_320(page, [f"{NORTHFIELD}/meetings/"])

    page, d = people("lara")
    d.follow(page.get_by_role("link", name="Attendance and children missing education"))
    main = page.locator("main")
    northfield = main.locator(".govuk-summary-card", has_text="Northfield Primary")
    expect(northfield).to_contain_text("6 pupils (85.7%)")  # persistent: 6 of 7
    expect(northfield).to_contain_text("5 pupils (71.4%)")  # severe: the truants
    expect(main.locator("table")).to_contain_text("Finn Hart")
    expect(main).not_to_contain_text("Gus Hart")
    expect(main).not_to_contain_text("Ava Stone")
    d.scan()
    fits_at_320(page, [LA_PAGE])
