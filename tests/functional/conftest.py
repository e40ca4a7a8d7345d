"""Browser journeys in Debian's headless Chromium, driven by Playwright, with axe scans.

No browser is downloaded: Playwright drives /usr/bin/chromium (installed by
`scripts/system-deps test`). axe-core comes from npm (`node_modules/axe-core`).
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in this thread; the Django test database is
# only touched from here between browser calls, never concurrently.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/functional" in str(item.path):
            item.add_marker(pytest.mark.functional)


def chromium_path() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Chromium is not installed: run scripts/system-deps test")
    return path


@pytest.fixture(autouse=True)
def _taxonomies(taxonomies: None) -> None:
    """Browser tests use real transactions: the taxonomies again after each flush."""


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


def _context(browser: Browser, base_url: str, **options: Any) -> BrowserContext:
    # bypass_csp lets the test inject axe-core; the pages' own scripts run under the real CSP
    # in every other test.
    context = browser.new_context(base_url=base_url, bypass_csp=True, **options)
    context.set_default_timeout(15_000)
    return context


@pytest.fixture
def page(browser: Browser, live_server: Any) -> Iterator[Page]:
    context = _context(browser, live_server.url)
    yield context.new_page()
    context.close()


@pytest.fixture
def no_js_page(browser: Browser, live_server: Any) -> Iterator[Page]:
    context = _context(browser, live_server.url, java_script_enabled=False)
    yield context.new_page()
    context.close()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core on the current page with the WCAG 2.2 A and AA rules."""
    page.add_script_tag(path=str(AXE))
    # resultTypes: only violations are collected in full (passes are truncated to one node
    # each): a fifth less time a scan, and the answer is the same.
    result: dict[str, Any] = page.evaluate(
        """async (tags) => await axe.run(
            document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}
        )""",
        WCAG_TAGS,
    )
    return list(result["violations"])


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    summary = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in violations
    ]
    assert not violations, f"axe found violations on {page.url}:\n" + "\n".join(summary)


def assert_fits(page: Page) -> None:
    """The page is no wider than the screen: nobody has to scroll sideways."""
    wide, screen = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert wide <= screen, f"{page.url} is {wide}px wide on a {screen}px screen"


def tab_to(page: Page, selector: str, *, limit: int = 200) -> None:
    """Press Tab until the element matching `selector` has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return
    pytest.fail(f"Could not reach {selector} with the Tab key")
