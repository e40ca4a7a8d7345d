"""Issue 15 in the browser: a pupil answers the questionnaire on a shared tablet with a
class code; the DSL makes and downloads the governors' report; the governor signs in, opens
the report and nothing else. Every page: axe finds nothing, and it fits 375 px and 320 px."""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from earlyhelp.accounts.actions import grant_role
from earlyhelp.accounts.roles import Role
from earlyhelp.concerns.models import Concern
from earlyhelp.pupilvoice.actions import active_questions, open_session, record_answers
from earlyhelp.pupilvoice.models import VoiceResponse
from tests.functional.conftest import assert_accessible, assert_fits
from tests.functional.journeys import Driver, sign_in
from tests.universe import make_user

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
NORTHFIELD = "/staff/schools/northfield-primary"


@pytest.fixture(autouse=True)
def inline_tasks(settings: Any) -> None:
    """The PDF is made by a background task; here it runs at once."""
    settings.TASKS = IMMEDIATE


def screen(browser: Browser, live_server: Any, width: int) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}, bypass_csp=True
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/pupil-voice/", timeout=120_000)  # the live server's first request can be slow
    yield page
    context.close()


@pytest.fixture
def tablet(browser: Browser, live_server: Any) -> Iterator[Page]:
    yield from screen(browser, live_server, 375)


@pytest.fixture
def phone(browser: Browser, live_server: Any) -> Iterator[Page]:
    yield from screen(browser, live_server, 320)


def checked_and_fits(page: Page) -> None:
    assert_accessible(page)
    assert_fits(page)


def test_a_pupil_answers_on_a_shared_tablet_and_it_resets_for_the_next(tablet: Page, universe):
    session = open_session(school=universe.northfield, class_name="Year 2 Oak", by=universe.tom)
    d = Driver(tablet)
    checked_and_fits(tablet)
    d.fill(tablet.get_by_label("Class code"), session.code.lower())
    d.press(tablet.get_by_role("button", name="Start"))
    expect(tablet.locator("h1")).to_have_text("How do you feel at school?")
    checked_and_fits(tablet)
    happy = tablet.get_by_role("group", name="Do you feel happy at school?")
    d.check(happy.get_by_role("radio", name="Yes", exact=True))
    safe = tablet.get_by_role("group", name="Do you feel safe at school?")
    d.check(safe.get_by_role("radio", name="Sometimes", exact=True))
    d.fill(tablet.get_by_label("Is there anything you want to tell us?"), "Someone pushes me")
    d.press(tablet.get_by_role("button", name="Send my answers"))
    expect(tablet.locator("h1")).to_have_text("Thank you")
    checked_and_fits(tablet)
    d.follow(tablet.get_by_role("link", name="Next pupil"))
    expect(tablet.locator("input[type=radio]:checked")).to_have_count(0)
    expect(tablet.get_by_label("Is there anything you want to tell us?")).to_have_value("")
    tablet.go_back()
    tablet.go_back()  # back to the page the first pupil filled in: nothing of theirs shows
    expect(tablet.locator("input[type=radio]:checked")).to_have_count(0)
    expect(tablet.get_by_label("Is there anything you want to tell us?")).to_have_value("")
    answers = VoiceResponse.objects.get()
    assert sorted(answers.answers.values_list("value", flat=True)) == [2, 3]
    assert [c.account for c in Concern.objects.all()] == ["Someone pushes me"]


def test_the_questionnaire_fits_a_320_px_screen(phone: Page, universe):
    session = open_session(school=universe.northfield, class_name="Year 2 Oak", by=universe.tom)
    assert_fits(phone)
    phone.goto(f"/pupil-voice/{session.code}/")
    checked_and_fits(phone)


def test_the_dsl_downloads_the_report_and_the_governor_sees_only_it(page: Page, universe):
    d = Driver(page)
    page.goto("/staff/sign-in/", timeout=120_000)
    sign_in(d, "dee")
    d.goto("/staff/")  # past the DSL's offer to add a passkey
    d.follow(page.get_by_role("link", name="Safeguarding report to governors"))
    expect(page.locator("h1")).to_have_text("Safeguarding report to governors")
    assert_accessible(page)
    d.press(page.get_by_role("button", name="Make the PDF"))
    expect(page.get_by_text("The PDF is ready to download.")).to_be_visible()
    pdf = d.download(page.get_by_role("link", name="Download the PDF").first)
    assert pdf.startswith(b"%PDF")
    page.context.clear_cookies()

    governor = make_user("gill", "Gill", "Hart")
    grant_role(by=None, user=governor, role=Role.GOVERNOR, school=universe.northfield)
    page.goto("/staff/sign-in/")
    sign_in(d, "gill")
    assert_accessible(page)
    expect(page.get_by_role("link", name="Log a concern")).to_have_count(0)
    expect(page.get_by_role("link", name="Children with a record")).to_have_count(0)
    d.follow(page.get_by_role("link", name="Safeguarding report to governors"))
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_fits(page)
    assert d.download(page.get_by_role("link", name="Download the PDF").first).startswith(b"%PDF")
    for refused in ("children/", "concerns/inbox/", "pupils/import/", "pupil-voice/results/"):
        response = page.goto(f"{NORTHFIELD}/{refused}")
        assert response is not None and response.status == 403, refused


def test_the_staff_pages_of_pupil_voice_pass_axe_and_fit_320_px(page: Page, universe):
    oak = open_session(school=universe.northfield, class_name="Year 2 Oak", by=universe.tom)
    safe = active_questions(universe.northfield)[1]
    for value in [3] * 6 + [1] * 4:
        record_answers(session=oak, answers={safe.pk: value}, comment="")
    d = Driver(page)
    page.goto("/staff/sign-in/", timeout=120_000)
    sign_in(d, "dee")
    page.set_viewport_size({"width": 320, "height": 800})
    d.goto(f"{NORTHFIELD}/pupil-voice/")
    checked_and_fits(page)
    d.fill(page.get_by_label("Class"), "Year 4 Ash")
    d.press(page.get_by_role("button", name="Open a session"))
    expect(page.locator("h1")).to_have_text("Year 4 Ash: pupil voice")
    checked_and_fits(page)
    for path, heading in (
        ("questions/", "Pupil voice questions"),
        (f"questions/{safe.pk}/", "Change a question"),
        ("results/", "Pupil voice results"),
    ):
        d.goto(f"{NORTHFIELD}/pupil-voice/{path}")
        expect(page.locator("h1")).to_have_text(heading)
        checked_and_fits(page)
    expect(page.get_by_text("60.0%")).to_have_count(1)
