"""The casework pages the acceptance journey does not pass through pass an axe scan
(WCAG 2.2 A and AA): the teacher's concern pages, the safeguarding team's inbox, child
record and settings pages, the roll import in its error state, and the public forms a pupil
or a parent uses, with their confirmation pages."""

from datetime import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import Page, expect

from earlyhelp.casework.actions.terms import set_term
from earlyhelp.concerns.actions import ConcernDetails, Involved, log_concern
from earlyhelp.concerns.models import Concern
from tests.early_help_universe import Children, build_children
from tests.functional import journeys
from tests.functional.conftest import assert_accessible
from tests.universe import Universe

NORTHFIELD = "/staff/schools/northfield-primary"
PUBLIC = "/schools/northfield-primary"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def children(universe: Universe, settings, tmp_path) -> Children:
    settings.MEDIA_ROOT = tmp_path
    return build_children(universe)


def concern_with_a_photo(universe: Universe, children: Children) -> Concern:
    return log_concern(
        school=universe.northfield,
        details=ConcernDetails(
            account="Ava said: we had no tea again.",
            occurred_at=timezone.now(),
            categories=("neglect",),
        ),
        pupils=[Involved(children.ava), Involved(children.ben)],
        attachments=[SimpleUploadedFile("bruise.png", PNG, "image/png")],
        by=universe.tom,
    ).concern


def scan(page: Page, path: str, *, shows: str) -> None:
    page.goto(path)
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("main")).to_contain_text(shows)
    assert_accessible(page)


def test_the_teachers_concern_pages(page: Page, universe, children):
    concern = concern_with_a_photo(universe, children)
    journeys.sign_in_page(page, "tom")
    scan(page, f"{NORTHFIELD}/concerns/new/urgent/", shows="999")
    scan(page, f"{NORTHFIELD}/concerns/new/pupils/?q=Stone", shows="Ben Stone")
    scan(page, f"{NORTHFIELD}/concerns/new/pupils/?q=Nobody", shows="Nobody")
    scan(page, f"{NORTHFIELD}/concerns/", shows="Ava Stone")
    scan(page, f"{NORTHFIELD}/concerns/{concern.pk}/", shows="bruise.png")


def test_the_safeguarding_teams_pages(page: Page, universe, children):
    concern = concern_with_a_photo(universe, children)
    set_term(
        school=universe.northfield,
        name="Autumn 2026",
        starts_on=datetime(2026, 9, 3).date(),
        ends_on=datetime(2026, 12, 18).date(),
        by=universe.dee,
    )
    ava = f"{NORTHFIELD}/children/{children.ava.pk}"
    journeys.sign_in_page(page, "dee")
    scan(page, f"{NORTHFIELD}/concerns/inbox/", shows="Ava Stone")
    scan(page, f"{NORTHFIELD}/concerns/{concern.pk}/", shows="bruise.png")
    scan(page, f"{NORTHFIELD}/children/", shows="Ava Stone")
    scan(page, f"{ava}/", shows="Subject access export")
    scan(page, f"{ava}/chronology/?kind=concern&start=1/9/2026", shows="no tea")
    scan(page, f"{ava}/chronology/?start=31/2/2026", shows="Enter a real date")
    scan(page, f"{ava}/who-has-looked/", shows="Dee Lane")
    scan(page, f"{NORTHFIELD}/casework-settings/", shows="Autumn 2026")


def test_the_settings_forms_in_their_error_states(page: Page, universe):
    journeys.sign_in_page(page, "dee")
    page.goto(f"{NORTHFIELD}/casework-settings/terms/add/")
    assert_accessible(page)
    page.fill("#id_name", "Autumn 2026")
    page.fill("#id_starts_on_0", "31")
    page.fill("#id_starts_on_1", "2")
    page.fill("#id_starts_on_2", "2026")
    page.get_by_role("button", name="Save the term").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("must be a real date")
    assert_accessible(page)
    page.goto(f"{NORTHFIELD}/casework-settings/")
    page.fill("#id_weeks", "13")
    page.get_by_role("button", name="Save the review interval").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("between 6 and 12")
    assert_accessible(page)


def test_the_roll_import_after_a_bad_file(page: Page, universe, settings):
    # The import runs inline here (ImmediateBackend); the worker is tested in
    # tests/integration/pupils/test_import_roll.py.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    journeys.sign_in_page(page, "dee")
    page.goto(f"{NORTHFIELD}/pupils/import/")
    assert_accessible(page)
    bad = b"UPN,Legal Surname,Legal Forename,DOB,Year\nnot-a-upn,Stone,Ava,31/02/2016,5\n"
    page.locator("input[type=file]").set_input_files(
        {"name": "roll.csv", "mimeType": "text/csv", "buffer": bad}
    )
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Nothing was imported")
    assert_accessible(page)


def test_the_roll_import_progress_page_while_it_waits(page: Page, universe):
    journeys.sign_in_page(page, "dee")
    page.goto(f"{NORTHFIELD}/pupils/import/")
    good = b"UPN,Legal Surname,Legal Forename,DOB,Year\nA820200100001,Stone,Ava,27/03/2016,5\n"
    page.locator("input[type=file]").set_input_files(
        {"name": "roll.csv", "mimeType": "text/csv", "buffer": good}
    )
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Waiting to start")
    expect(page.get_by_role("link", name="Check again")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize(
    ("form", "fill"),
    [
        (
            "tell-us",
            {
                "input[name=about_whom]": None,
                "input[name=kind]": None,
                "Tell us what is happening": "Someone takes my lunch.",
            },
        ),
        (
            "ask-for-help",
            {
                "What would help your family?": "Help with mornings.",
                "Your child's name and class": "Ava, Year 5",
                "Your name": "Jo Stone",
                "Email address": "jo.stone@example.org",
                "input[name=safe_to_contact]": None,
            },
        ),
    ],
)
def test_the_public_forms_and_their_confirmation(page: Page, universe, form, fill):
    page.goto(f"{PUBLIC}/{form}/")
    assert_accessible(page)
    send = page.locator("main form button[type=submit]")
    send.click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    for field, text in fill.items():
        if text is None:
            page.locator(field).first.check()
        else:
            page.get_by_label(field, exact=True).fill(text)
    send.click()
    expect(page).to_have_url(f"{page.url.split('/schools/')[0]}{PUBLIC}/{form}/sent/")
    assert_accessible(page)
