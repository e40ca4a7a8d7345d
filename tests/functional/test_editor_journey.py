"""An Offer editor adds the school's own provision and publishes: mouse, keyboard, no JS."""

from playwright.sync_api import Page, expect

from tests.functional.journeys import Driver, KeyboardDriver, NoScriptDriver, sign_in


def editor_changes_provision_and_publishes(d: Driver) -> None:
    page = d.page
    d.goto("/staff/")
    sign_in(d, "ed")
    d.follow(page.locator("main a[href='/staff/schools/northfield-primary/offer/']"))
    expect(page.locator("h1")).to_contain_text("Early Help Offer")

    d.follow(page.get_by_role("link", name="Add your own provision"))
    d.fill(page.get_by_label("Name of the support"), "Nurture group")
    d.fill(page.get_by_label("What it is (optional)"), "A calm lunchtime group, every day.")
    d.check(page.locator("input[name=topics][value=mental-health]"))
    d.check(page.locator("input[name=levels][value='2']"))
    d.fill(page.get_by_label("Phone number (optional)", exact=True), "0113 496 0555")
    d.scan()
    d.press(page.get_by_role("button", name="Save"))
    expect(page.locator("main")).to_contain_text("Nurture group")

    d.follow(page.get_by_role("link", name="Publish", exact=True))
    d.scan()
    d.press(page.get_by_role("button", name="Publish"))
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()

    d.goto("/schools/northfield-primary/")
    expect(page.locator("main")).to_contain_text("Nurture group")
    expect(page.locator('a[href="tel:+441134960555"]').first).to_be_visible()


def test_with_the_mouse(page: Page, universe):
    editor_changes_provision_and_publishes(Driver(page))


def test_with_the_keyboard_only(page: Page, universe):
    editor_changes_provision_and_publishes(KeyboardDriver(page))


def test_without_javascript(no_js_page: Page, universe):
    editor_changes_provision_and_publishes(NoScriptDriver(no_js_page))
