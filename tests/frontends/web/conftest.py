"""Web app fixtures: one Assistant on a copy of the session's index, the app served in-process, headless Chromium."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from assistant import Assistant, load_settings
from tests.frontends.web.browser import DESKTOP, PHONE, open_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS_ENV = "ASSISTANT_SCREENSHOTS"  # a folder: browser tests save chat/explorer/sizing PNGs there


@pytest.fixture(scope="session")
def web_data_dir(indexed_data_dir) -> Path:
    """A private copy of the session's index (tests/conftest.py); the web tests' feedback is logged here."""
    return indexed_data_dir("web-data")


@pytest.fixture(scope="session")
def web_assistant(web_data_dir) -> Assistant:
    """A real Assistant whose index, feedback and state live in a temporary folder (index opened lazily)."""
    # No per-client rate limit here: every test request comes from 127.0.0.1 (the limit has its own tests).
    return Assistant(load_settings(data_dir=web_data_dir, api_rate_limit=0))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def web_url(web_assistant):
    """The app served the way `python ui.py` serves it (uvicorn, API + Gradio), on a free port."""
    from assistant.frontends.web import BackgroundServer

    web_assistant.warm_up()
    with BackgroundServer(web_assistant) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; the browser tests skip when it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); .ci/run installs it")
    from playwright.sync_api import expect, sync_playwright

    # the 2-core CI machine can take longer than playwright's 5 s default to re-render a view
    expect.set_options(timeout=20_000)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, web_url):
    """A fresh browser session on the app at desktop size, loaded and ready for input."""
    with open_app(browser, web_url, DESKTOP) as page:
        yield page


@pytest.fixture
def phone(browser, web_url):
    """The same on a phone-sized, touch viewport (390 x 844)."""
    with open_app(browser, web_url, PHONE) as page:
        yield page


@pytest.fixture(params=["desktop", "phone"])
def screen(request, browser, web_url):
    """The app on a desktop and on a phone viewport, one test run each."""
    with open_app(browser, web_url, DESKTOP if request.param == "desktop" else PHONE) as page:
        yield page


@pytest.fixture
def screenshot():
    """Save a full-page screenshot as <ASSISTANT_SCREENSHOTS>/<name>.png when that variable is set."""
    folder = os.environ.get(SCREENSHOTS_ENV)

    def save(page, name: str) -> None:
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)

    return save
