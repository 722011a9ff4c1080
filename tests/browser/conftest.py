"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Nothing is downloaded: Chromium comes from the system (apt-get install chromium) and axe-core
from the axe-playwright-python package. Without Chromium the tests skip and say why.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(live_server):
    """Chromium, started after the live server so that it closes first: its open
    connections end before the server stops sharing the test database with the threads
    that answer them (otherwise they close it from the wrong thread, a warning at the end
    of the run)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM}: apt-get install chromium chromium-driver")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    # Playwright's sync API runs an event loop; Django must allow ORM calls from the test body.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def site_url(live_server, transactional_db):
    from tests.factories import make_home_page

    make_home_page()
    return live_server.url


def assert_accessible(page, *, context=None):
    """Run axe-core in the page; fail listing every WCAG 2.2 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        context=context,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
            }
        },
    )
    violations = results.response["violations"]
    assert not violations, results.generate_report()


# Admin users who sign in through the browser -------------------------------------------

PASSWORD = "a-long-browser-password-7"


def make_user(username, group_name=None, superuser=False):
    """A user in one of the editorial groups (or a superuser) who signs in with PASSWORD."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        first_name=username.capitalize(),
        is_superuser=superuser,
        is_staff=superuser,
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def log_in(browser_page, site_url, username):
    browser_page.goto(site_url + "/admin/login/")
    browser_page.get_by_label("Username").fill(username)
    browser_page.get_by_label("Password").fill(PASSWORD)
    browser_page.get_by_role("button", name="Sign in").click()
    browser_page.wait_for_url(site_url + "/admin/")
