"""Browser tests: the demo site served by gunicorn, driven by Playwright in Debian's Chromium.

Every test here is marked e2e; `make test` leaves them out and `make e2e` runs them.
"""

import pytest
from playwright.sync_api import sync_playwright

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.server import ADMINISTRATOR, EDITOR, MODERATOR, ROOT, demo_server

ARTIFACTS = ROOT / ".e2e-artifacts"
WIDTHS = {"desktop": 1280, "phone": 375}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="session")
def mail_dir(workdir):
    """Where the server writes the e-mails it sends (one file per message)."""
    return workdir / "mail"


@pytest.fixture(scope="session")
def server(workdir):
    """A production-like server on a fresh demo database; yields its base URL."""
    with demo_server(workdir, setup=[MODERATOR, ADMINISTRATOR, EDITOR]) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def captcha_server(server, workdir):
    """The same site and database with reCAPTCHA v3 on (Google's test keys); its base URL."""
    with demo_server(workdir, fresh=False, PARTICIPATION_CAPTCHA="v3") as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, server):
    """Open pages at a given width, with or without JavaScript; closed after the test."""
    contexts = []

    def open_page(width="desktop", javascript=True):
        context = browser.new_context(
            viewport={"width": WIDTHS.get(width, width), "height": 900},
            java_script_enabled=javascript,
            base_url=server,
            locale="fr-FR",
        )
        contexts.append(context)
        page = context.new_page()
        page.scripts_off = not javascript  # read by checks.assert_accessible
        return page

    yield open_page
    for context in contexts:
        context.close()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
