"""One way of driving the browser for each kind of user: mouse, keyboard only, no JavaScript.

A journey is written once against `Driver`; the tests run it with each driver.
"""

from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from earlyhelp.accounts.models import User
from tests.functional.conftest import assert_accessible
from tests.signin import totp_code, totp_device
from tests.universe import PASSWORD


class Driver:
    """Clicks with the mouse, with JavaScript on."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def goto(self, path: str) -> None:
        self.page.goto(path)

    def follow(self, link: Locator) -> None:
        with self.page.expect_navigation():
            link.click()

    def press(self, button: Locator) -> None:
        with self.page.expect_navigation():
            button.click()

    def scan(self) -> None:
        """axe-check the page as it is now."""
        assert_accessible(self.page)

    def download(self, link: Locator) -> bytes:
        with self.page.expect_download() as info:
            self._activate(link)
        return Path(info.value.path()).read_bytes()

    def _activate(self, link: Locator) -> None:
        link.click()

    def fill(self, field: Locator, text: str) -> None:
        field.fill(text)

    def check(self, box: Locator) -> None:
        box.check()


class KeyboardDriver(Driver):
    """Reaches every control with Tab and works it with Enter, Space and typing."""

    def follow(self, link: Locator) -> None:
        self._tab_to(link)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")

    def press(self, button: Locator) -> None:
        self._tab_to(button)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")

    def fill(self, field: Locator, text: str) -> None:
        self._tab_to(field)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(text)

    def _activate(self, link: Locator) -> None:
        self._tab_to(link)
        self.page.keyboard.press("Enter")

    def check(self, box: Locator) -> None:
        if box.get_attribute("type") == "radio":
            self._choose(box)
            return
        self._tab_to(box)
        self.page.keyboard.press("Space")
        expect(box).to_be_checked()

    def _choose(self, radio: Locator, limit: int = 400) -> None:
        """Tab into the radio group (it takes one Tab stop), then arrow to the option."""
        group = self.page.locator(f"input[type=radio][name='{radio.get_attribute('name')}']")
        self.page.evaluate("() => document.activeElement && document.activeElement.blur()")
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            if group.evaluate_all("(els) => els.includes(document.activeElement)"):
                break
        for _ in range(group.count()):
            if radio.is_checked():
                return
            self.page.keyboard.press("ArrowDown")
        expect(radio).to_be_checked()

    def _tab_to(self, target: Locator, limit: int = 400) -> None:
        expect(target).to_have_count(1)
        self.page.evaluate("() => document.activeElement && document.activeElement.blur()")
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            if target.evaluate("(el) => el === document.activeElement"):
                return
        raise AssertionError(f"{target} cannot be reached with the Tab key")


class NoScriptDriver(Driver):
    """The mouse on a browser with JavaScript switched off (axe needs script: no scans)."""

    def scan(self) -> None:
        assert self.page.evaluate("() => !document.body.classList.contains('js-enabled')")


def sign_in(d: Driver, username: str) -> None:
    """Sign in as a universe persona: username and password, then the code their
    authenticator app shows now (computed from the persona's fictional key)."""
    page = d.page
    d.fill(page.get_by_label("Username"), username)
    d.fill(page.get_by_label("Password"), PASSWORD)
    d.press(page.get_by_role("button", name="Sign in"))
    expect(page.locator("h1")).to_have_text("Check it is you")
    d.fill(
        page.get_by_label("Code", exact=True),
        totp_code(totp_device(User.objects.get(username=username))),
    )
    d.press(page.get_by_role("button", name="Continue"))


def sign_in_page(page: Page, username: str) -> None:
    """Open the sign-in page and sign in as a universe persona with the mouse."""
    page.goto("/staff/sign-in/")
    sign_in(Driver(page), username)
