"""Passkeys in Chromium's virtual authenticator: Dee adds one when asked, then signs in
with it instead of a code."""

from playwright.sync_api import Page, expect

from earlyhelp.accounts.models import PasskeyDevice
from tests.functional.journeys import Driver, sign_in
from tests.integration.accounts.support import last_event
from tests.universe import PASSWORD, Universe


def virtual_authenticator(page: Page) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )


def test_a_dsl_adds_a_passkey_and_signs_in_with_it(page: Page, universe: Universe):
    virtual_authenticator(page)
    page.goto("/staff/")
    sign_in(Driver(page), "dee")
    expect(page.locator("h1")).to_have_text("Add a passkey")
    page.get_by_role("button", name="Add a passkey").click()
    expect(page.locator("h1")).to_contain_text("Your schools")
    assert PasskeyDevice.objects.filter(user=universe.dee).count() == 1

    page.get_by_role("button", name="Sign out").first.click()
    page.get_by_label("Username").fill("dee")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Use a passkey").click()
    expect(page.locator("h1")).to_contain_text("Your schools")
    event = last_event(action="sign_in.succeeded")
    assert event.details == {"method": "passkey"}
