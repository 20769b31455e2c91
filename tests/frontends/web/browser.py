"""Opening the app in Chromium at a desktop or a phone size (used by the fixtures and the tests)."""

from __future__ import annotations

from contextlib import contextmanager

DESKTOP = {"viewport": {"width": 1280, "height": 1000}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@contextmanager
def open_app(browser, url: str, screen: dict):
    """A fresh browser session (``screen``: DESKTOP or PHONE) on ``url``, loaded and ready for input."""
    context = browser.new_context(**screen)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(url)
    # loaded = the app is in the DOM; a ?tab=sizing link hides the chat box as soon as it loads
    page.locator("#question textarea").wait_for(state="attached")
    try:
        yield page
    finally:
        context.close()
