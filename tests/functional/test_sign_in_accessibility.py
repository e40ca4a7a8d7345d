"""Signing in, the second-factor pages and the "stay signed in" dialog: axe scans with 0
violations, the keyboard, and the dialog's timing (made short through settings only)."""

from playwright.sync_api import Page, expect

from earlyhelp.accounts.actions import create_staff_user, grant_role
from earlyhelp.accounts.roles import Role
from tests.functional.conftest import assert_accessible
from tests.functional.journeys import Driver, KeyboardDriver, sign_in
from tests.universe import PASSWORD, Universe


def test_sign_in_and_its_error_state(page: Page, universe):
    page.goto("/staff/sign-in/")
    assert_accessible(page)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your username")
    assert_accessible(page)


def test_the_challenge_page_and_its_error_state(page: Page, universe):
    page.goto("/staff/")
    page.get_by_label("Username").fill("tom")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_have_text("Check it is you")
    assert_accessible(page)
    page.get_by_label("Code", exact=True).fill("000000")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)


def test_setting_up_an_app_with_the_keyboard(page: Page, universe: Universe):
    nia = create_staff_user(
        by=None, username="nia", first_name="Nia", last_name="Park",
        email="nia@example.org", password=PASSWORD,
    )  # fmt: skip
    grant_role(by=None, user=nia, role=Role.STAFF, school=universe.northfield)
    d = KeyboardDriver(page)
    d.goto("/staff/")
    d.fill(page.get_by_label("Username"), "nia")
    d.fill(page.get_by_label("Password"), PASSWORD)
    d.press(page.get_by_role("button", name="Sign in"))
    expect(page.locator("h1")).to_have_text("Set up an authenticator app")
    expect(page.locator("svg title")).to_have_text("QR code for your authenticator app")
    assert_accessible(page)
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.signin import totp_code

    d.fill(page.get_by_label("Code from the app"), totp_code(TOTPDevice.objects.get(user=nia)))
    d.press(page.get_by_role("button", name="Continue"))
    expect(page.locator("h1")).to_have_text("Recovery codes")
    expect(page.locator(".eh-recovery-codes li")).to_have_count(10)
    assert_accessible(page)
    d.follow(page.get_by_role("link", name="I have saved my codes – continue"))
    expect(page.locator("h1")).to_contain_text("Your schools")


def test_the_timeout_dialog(page: Page, universe, settings):
    settings.SESSION_IDLE_TIMEOUT = 125  # the dialog opens after 5 seconds
    page.goto("/staff/")
    sign_in(Driver(page), "ed")
    dialog = page.get_by_role("dialog", name="You’re about to be signed out")
    expect(dialog).to_be_visible(timeout=15_000)
    expect(page.get_by_role("button", name="Stay signed in")).to_be_focused()
    expect(dialog.locator("[data-announce]")).to_contain_text("we will sign you out in 2 minutes")
    assert page.evaluate("() => document.querySelector('dialog').matches(':modal')")
    assert_accessible(page)
    with page.expect_response("**/staff/session/") as stayed:
        page.keyboard.press("Escape")
    assert stayed.value.request.method == "POST"
    expect(dialog).to_be_hidden()
    page.reload()
    expect(page.locator("h1")).to_contain_text("Your schools")


def test_the_dialogs_sign_out_button_signs_out(page: Page, universe, settings):
    settings.SESSION_IDLE_TIMEOUT = 123
    page.goto("/staff/")
    sign_in(Driver(page), "ed")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible(timeout=15_000)
    dialog.get_by_role("button", name="Sign out").click()
    expect(page.locator("h1")).to_have_text("Sign in to the staff area")
    page.goto("/staff/")
    expect(page.locator("h1")).to_have_text("Sign in to the staff area")


def test_when_time_runs_out_the_sign_in_page_says_why(page: Page, universe, settings):
    settings.SESSION_IDLE_TIMEOUT = 10
    settings.SESSION_WARNING_BEFORE = 4
    page.goto("/staff/")
    sign_in(Driver(page), "ed")
    expect(page.get_by_role("dialog")).to_be_visible(timeout=20_000)
    expect(page.locator("h1")).to_have_text("Sign in to the staff area", timeout=20_000)
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "You were signed out because you were inactive"
    )
