"""Issue 4's acceptance journey in headless Chromium, with an axe scan of every page:
a teacher logs a concern about two pupils; the DSL triages it with a reason, opens early
help with consent, completes the assessment and plan, records a review and steps up; a
pupil leaves and the file is transferred and acknowledged by the other school."""

import re

from playwright.sync_api import Page, expect

from earlyhelp.casework.models import EarlyHelpEpisode, EpisodeStatus, FileTransfer
from earlyhelp.concerns.models import Concern
from tests.early_help_universe import build_children
from tests.functional.journeys import Driver, KeyboardDriver, NoScriptDriver, sign_in

NORTHFIELD = "/staff/schools/northfield-primary"


def sign_out(d: Driver) -> None:
    d.press(d.page.get_by_role("button", name="Sign out"))
    d.goto("/staff/")


def fill_date(d: Driver, field: str, day: int, month: int, year: int) -> None:
    for box, value in zip(("0", "1", "2"), (day, month, year), strict=True):
        d.fill(d.page.locator(f"#id_{field}_{box}"), str(value))


def teacher_logs_a_concern_about_two_pupils(d: Driver) -> None:
    page = d.page
    d.goto("/staff/")
    sign_in(d, "tom")
    d.goto(f"{NORTHFIELD}/concerns/new/")
    d.scan()
    # Two pupils: the longer form, linked from the one-page form (issue 12).
    d.goto(f"{NORTHFIELD}/concerns/new/pupils/")
    for name in ("Ava Stone", "Ben Stone"):
        d.fill(page.get_by_label("Find a pupil by name"), "Stone")
        d.press(page.get_by_role("button", name="Search"))
        d.follow(page.get_by_role("link", name=f"Add {name}"))
    d.scan()
    d.follow(page.get_by_role("link", name="Continue"))
    d.fill(page.get_by_label("What did you see or hear?"), "Ava said: we had no tea again.")
    fill_date(d, "occurred_on", 23, 11, 2026)
    d.check(page.locator("input[name=categories][value=neglect]"))
    d.fill(page.get_by_label("What did you do?"), "Listened and gave them toast.")
    d.check(page.locator("input[name=told_dsl][value=no]"))
    d.scan()
    d.press(page.get_by_role("button", name="Log the concern"))
    expect(page.locator("h1")).to_have_text("Concern logged")
    d.scan()
    sign_out(d)


def dsl_triages_with_a_reason(d: Driver) -> None:
    page = d.page
    sign_in(d, "dee")
    d.goto(f"{NORTHFIELD}/concerns/inbox/")
    d.scan()
    d.follow(page.locator("main table a").first)
    d.scan()
    d.follow(page.get_by_role("link", name="Decide"))
    d.check(page.locator("input[name=outcome][value=school_early_help]"))
    d.fill(page.get_by_label("Reason for the decision"), "Hungry most mornings: school early help.")
    d.scan()
    d.press(page.get_by_role("button", name="Record the decision"))


def dsl_runs_early_help_and_steps_up(d: Driver, ava_id: int) -> None:
    page = d.page
    d.goto(f"{NORTHFIELD}/children/{ava_id}/")
    d.scan()
    d.follow(page.get_by_role("link", name="Early help", exact=True))
    d.scan()
    d.follow(page.get_by_role("link", name="Open early help"))
    d.check(page.locator("input[name=level][value='2']"))
    d.fill(page.get_by_label("Why does the child need early help?"), "Hungry and tired.")
    d.fill(page.get_by_label("Lead practitioner (optional)"), "Dee Lane")
    d.scan()
    d.press(page.get_by_role("button", name="Open early help"))

    d.follow(page.get_by_role("link", name="Record consent"))
    d.fill(page.get_by_label("Name of the person giving consent"), "Jo Stone")
    d.fill(page.get_by_label("Relationship to the child"), "Mother")
    d.check(page.locator("input[name=scope][value=both]"))
    fill_date(d, "given_on", 23, 11, 2026)
    d.scan()
    d.press(page.get_by_role("button", name="Record consent"))

    d.follow(page.get_by_role("link", name="Complete the assessment"))
    d.fill(page.get_by_label("What are we worried about?"), "Hungry most mornings.")
    d.fill(page.get_by_label("What is working well?"), "Loves reading.")
    d.fill(page.get_by_label("What needs to happen?"), "Breakfast club daily.")
    page.get_by_label("Scale").select_option("4")
    fill_date(d, "completed_on", 23, 11, 2026)
    d.scan()
    d.press(page.get_by_role("button", name="Save the assessment"))

    d.follow(page.get_by_role("link", name="Add an action to the plan"))
    d.fill(page.get_by_label("Need", exact=True), "Breakfast")
    d.fill(page.get_by_label("Action", exact=True), "A place at breakfast club")
    d.fill(page.get_by_label("Who will do it"), "Office manager")
    fill_date(d, "due_on", 30, 11, 2026)
    d.scan()
    d.press(page.get_by_role("button", name="Add the action"))

    d.follow(page.get_by_role("link", name="Record a review"))
    fill_date(d, "held_on", 24, 11, 2026)
    d.check(page.locator("input[name=outcome][value=escalate]"))
    page.get_by_label("Scale").select_option("2")
    d.scan()
    d.press(page.get_by_role("button", name="Record the review"))
    expect(page.locator("main")).to_contain_text("2 out of 10")
    d.scan()

    d.follow(page.get_by_role("link", name="Step up to the front door"))
    d.fill(page.get_by_label("Summary for the front door"), "Marks seen on her arm today.")
    d.scan()
    d.press(page.get_by_role("button", name="Step up"))
    expect(page.locator("main")).to_contain_text("Level 4: specialist")


def file_goes_to_the_new_school(d: Driver, ben_id: int) -> None:
    page = d.page
    d.goto(f"{NORTHFIELD}/children/{ben_id}/transfer/")
    d.scan()
    page.get_by_label("School on this service").select_option(label="Southbank Academy")
    d.press(page.get_by_role("button", name="Start the transfer"))
    expect(page.locator("main")).to_contain_text("Waiting for Southbank Academy to confirm")
    d.scan()
    sign_out(d)
    sign_in(d, "sam")
    d.goto("/staff/schools/southbank-academy/transfers/incoming/")
    d.scan()
    d.follow(page.get_by_role("link", name="Ben Stone"))
    d.scan()
    d.press(page.get_by_role("button", name="Confirm receipt"))
    expect(page.locator(".govuk-inset-text")).to_contain_text("Receipt confirmed")
    d.scan()


def test_from_a_concern_to_step_up_and_a_file_transfer(page: Page, universe):
    children = build_children(universe)
    d = Driver(page)
    teacher_logs_a_concern_about_two_pupils(d)
    assert Concern.objects.get().links.count() == 2
    dsl_triages_with_a_reason(d)
    assert Concern.objects.get().decision.reason
    dsl_runs_early_help_and_steps_up(d, children.ava.pk)
    assert EarlyHelpEpisode.objects.get(pupil=children.ava).status == EpisodeStatus.STEPPED_UP
    file_goes_to_the_new_school(d, children.ben.pk)
    assert FileTransfer.objects.get(pupil=children.ben).acknowledged_at is not None


def a_concern_about_two_pupils_is_logged_and_triaged(d: Driver, universe) -> None:
    build_children(universe)
    teacher_logs_a_concern_about_two_pupils(d)
    assert Concern.objects.get().links.count() == 2
    dsl_triages_with_a_reason(d)
    expect(d.page.locator("main")).to_contain_text("Early help in school")
    assert Concern.objects.get().decision.reason == "Hungry most mornings: school early help."


def test_a_concern_logged_and_triaged_with_the_keyboard_only(page: Page, universe):
    a_concern_about_two_pupils_is_logged_and_triaged(KeyboardDriver(page), universe)


def test_a_concern_logged_and_triaged_without_javascript(no_js_page: Page, universe):
    a_concern_about_two_pupils_is_logged_and_triaged(NoScriptDriver(no_js_page), universe)


def test_meeting_referrals_and_county_pages(page: Page, universe):
    """The pages the journey above does not pass through, used with the mouse and scanned."""
    from datetime import datetime

    from django.utils import timezone

    from earlyhelp.casework.actions.episodes import step_up
    from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern
    from tests.early_help_universe import assessed

    children = build_children(universe)
    for by in (universe.tom, universe.ed):
        log_concern(
            school=universe.northfield,
            details=ConcernDetails(account="Upset again.", occurred_at=timezone.now()),
            pupils=[Involved(children.ben)],
            by=by,
        )
    episode = assessed(children.ava, universe.dee)
    d = Driver(page)
    d.goto("/staff/")
    sign_in(d, "dee")
    d.goto("/staff/")
    d.follow(page.get_by_role("link", name="This week’s meeting"))
    expect(page.locator("main")).to_contain_text("Pattern alerts (1)")
    d.scan()
    card = page.locator(".govuk-summary-card", has_text="Concerns from 2 members of staff")
    d.fill(card.get_by_label(re.compile("^Decision about")), "Invite dad in this week.")
    d.fill(card.get_by_label(re.compile("^Reason for")), "Two members of staff worried.")
    d.press(page.get_by_role("button", name="Save the decisions"))
    expect(page.locator("main")).to_contain_text("Invite dad in this week.")
    d.scan()

    d.goto(f"{NORTHFIELD}/children/{children.ava.pk}/referrals/new/")
    d.fill(page.get_by_label("Search the directory"), "young carers")
    d.press(page.get_by_role("button", name="Search"))
    d.scan()
    d.follow(page.get_by_role("link", name="Testshire Young Carers"))
    d.fill(page.get_by_label("Summary for the service"), "Ava looks after her mum.")
    now = datetime.now()
    fill_date(d, "sent_on", now.day, now.month, now.year)
    d.scan()
    d.press(page.get_by_role("button", name="Record the referral"))
    expect(page.locator("main")).to_contain_text("Testshire Young Carers")
    d.scan()
    d.goto(f"{NORTHFIELD}/referrals/")
    d.scan()
    sign_out(d)

    step_up(episode=episode, summary="Marks seen.", by=universe.dee)
    sign_in(d, "lara")
    d.goto("/staff/local-authority/testshire/casework/")
    expect(page.locator("main")).to_contain_text("Ava Stone")
    d.scan()
