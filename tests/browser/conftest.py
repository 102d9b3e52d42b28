"""Browser tests: Playwright's Python API driving Debian's chromium package against
pytest-django's ``live_server``.

The browser is never downloaded: it is the system's chromium (``DOINGOAI_CHROMIUM``, else
``chromium`` on the PATH, else /usr/bin/chromium; ``make browser-deps`` installs it through
apt). Without one the tests are skipped, except under ``DOINGOAI_REQUIRE_BROWSER=1`` (set by
.ci/run), where a missing browser fails them.

On failure a screenshot of every open page goes to test-results/ (gitignored).
"""

import os
import re
import shutil
from pathlib import Path

import pytest

from doingoai.testing import PASSWORD

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """DOINGOAI_CHROMIUM when set (and then only it), else chromium on the PATH, else
    Debian's /usr/bin/chromium."""
    configured = os.environ.get("DOINGOAI_CHROMIUM")
    candidates = [configured] if configured else [shutil.which("chromium"), "/usr/bin/chromium"]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def browser_required() -> bool:
    return os.environ.get("DOINGOAI_REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """One headless chromium for the session.

    Playwright's sync API keeps an asyncio loop running in the main thread (in a greenlet),
    so from then on Django sees an "async" context there and hands out a second set of
    database connections (asgiref's Local). Those lack the serialized copy of the data
    loaded by migrations that serialized rollback needs; it is copied onto them here."""
    executable = chromium_path()
    if executable is None:
        message = (
            "no chromium binary found (set DOINGOAI_CHROMIUM, or run `make browser-deps` to "
            "install Debian's chromium)"
        )
        if browser_required():
            pytest.fail(f"DOINGOAI_REQUIRE_BROWSER=1 but {message}", pytrace=False)
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        if browser_required():
            raise
        pytest.skip("the playwright package is not installed")
    from django.db import connections

    migrated_data = {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if getattr(connection, "_test_serialized_contents", None)
    }
    # Playwright's sync API runs an event loop in the main thread; Django's ORM refuses to
    # run inside one unless told otherwise. Only while the browser runs, so that no other
    # test (nor a subprocess it starts) inherits the switch.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    for alias, serialized in migrated_data.items():
        connections[alias]._test_serialized_contents = serialized
    try:
        instance = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
    except Exception:
        playwright.stop()
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        raise
    yield instance
    instance.close()
    # Close the connections opened while Playwright's loop ran: once it stops they are out of
    # Django's sight, and an open one keeps PostgreSQL from dropping the test database.
    connections.close_all()
    playwright.stop()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class Pages:
    """Opens browser contexts (one per user: separate cookies) and remembers the pages, so
    that a failing test leaves a screenshot of each and the console errors are checked."""

    def __init__(self, browser, base_url: str):
        self.browser = browser
        self.base_url = base_url
        self.contexts = []
        self.pages = []
        self.console_errors: list[tuple[str, str]] = []  # (page url, message)
        self.failed_requests: list[tuple[int, str]] = []  # (status, url)

    def new(self, locale: str = "vi-VN"):
        context = self.browser.new_context(
            base_url=self.base_url, locale=locale, viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(15_000)
        page = context.new_page()
        page.on("console", lambda message: self._on_console(page, message))
        page.on("pageerror", lambda error: self.console_errors.append((page.url, str(error))))
        page.on("response", self._on_response)
        self.contexts.append(context)
        self.pages.append(page)
        return page

    def _on_console(self, page, message):
        # A failed load is also in failed_requests, with its address.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console_errors.append((page.url, message.text))

    def _on_response(self, response):
        if response.status >= 400:
            self.failed_requests.append((response.status, response.url))

    def login(self, username: str, password: str = PASSWORD, locale: str = "vi-VN"):
        page = self.new(locale=locale)
        page.goto("/accounts/login/")
        self.keep_screenshot(page, "login")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        self.keep_screenshot(page, f"home-{username}")
        return page

    def screenshot_all(self, name: str):
        RESULTS.mkdir(exist_ok=True)
        for index, page in enumerate(self.pages):
            if not page.is_closed():
                page.screenshot(path=str(RESULTS / f"{name}-{index}.png"), full_page=True)

    def keep_screenshot(self, page, name: str):
        """With DOINGOAI_SCREENSHOTS=1, keep a picture of the page in test-results/ so the
        look of the pages can be reviewed."""
        if os.environ.get("DOINGOAI_SCREENSHOTS") == "1":
            RESULTS.mkdir(exist_ok=True)
            page.screenshot(path=str(RESULTS / f"{name}.png"), full_page=True)

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def pages(request, browser, live_server, django_db_serialized_rollback, django_db_blocker):
    """Browser pages against the live server. The live server needs a transactional
    database, flushed when the test ends; serialized rollback gives the test the data
    loaded by migrations (administrative units, countries, indicators), and
    the suite's ``pytest_runtest_teardown`` (doingoai.testing) puts it back after the flush."""
    request.node.reload_migrated_data_with = django_db_blocker
    opened = Pages(browser, live_server.url)
    yield opened
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)[:150]
        opened.screenshot_all(name)
    opened.close()


@pytest.fixture
def page(pages):
    return pages.new()
