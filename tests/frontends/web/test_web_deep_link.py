"""A shared link to a chat shows the question as text (issue 12, finding 6: Gradio's deep link handed
another user a chat whose HTML rendered — an external image fetched, a password form shown).

The sharer is a script on the real app's queue (a session that asked an HTML question), the link is made
by Gradio's own ``/gradio_api/deep_link`` route, and the person it is shared with opens it in headless
Chromium."""

from __future__ import annotations

import json
import urllib.request
import uuid

import pytest
from playwright.sync_api import expect

from tests.support.gradio_queue import app_events, run_event

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::DeprecationWarning:gradio.queueing"),
]

TRAP = "127.0.0.1:9"  # nothing listens there; any request to it means shared text was rendered as HTML
PAYLOAD = (
    f'<img src="http://{TRAP}/shared.png" onerror="window.__pwned=1">'
    '<form action="/steal"><input type="password" name="pw"><button>Log in</button></form>'
    "<script>window.__pwned=2</script> Which GPU should I use to fine-tune a 7B model?"
)


def test_a_shared_chat_shows_the_question_as_text(browser, web_url):
    session = uuid.uuid4().hex[:10]
    _, events = app_events(web_url)
    submit = next(d for (_, event), d in events.items() if event == "submit")
    assert run_event(web_url, session, submit, submit["targets"][0][0], [PAYLOAD, [], None, None])["success"]
    with urllib.request.urlopen(f"{web_url}/gradio_api/deep_link?session_hash={session}", timeout=30) as r:
        link = json.load(r)
    assert link, "Gradio made no deep link for the session"

    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    try:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{web_url}/?deep_link={link}")
        user = page.locator('#chatbot [data-testid="user"]').last
        expect(user).to_contain_text("<img src=", timeout=30_000)  # the shared chat is there, as text
        expect(user).to_contain_text("<script>")
        for selector in ("img", "form", "input", "script", "button"):
            assert user.locator(selector).count() == 0, (selector, user.inner_html()[:2000])
        assert page.locator('#chatbot input[type="password"]').count() == 0
        assert page.evaluate("window.__pwned") is None
        assert not dialogs
        assert not [url for url in requests if TRAP in url]
    finally:
        context.close()
