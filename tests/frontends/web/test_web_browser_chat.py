"""The chat in headless Chromium: user text shown as text, refused questions kept, one vote per answer."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

from assistant import MAX_QUESTION_CHARS
from assistant.frontends.web import answer_stream
from assistant.frontends.web._chat import as_plain_text, no_strikethrough

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::DeprecationWarning:gradio.queueing"),
]

ANSWER_TIMEOUT_MS = 120_000
TRAP = "127.0.0.1:9"  # nothing listens there; any request to it means user text was rendered as HTML


def _ask(page, question: str) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")


def _feedback_lines(path) -> list[dict]:
    return (
        [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
    )


def _wait_for_lines(path, count: int, timeout: float = 15) -> list[dict]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = _feedback_lines(path)
        if len(lines) >= count:
            return lines
        time.sleep(0.2)
    return _feedback_lines(path)


def test_user_html_and_markdown_are_shown_as_text_never_rendered(page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    payload = (
        f'<img src="http://{TRAP}/img.png" onerror="window.__pwned=1">'
        '<form action="/steal"><input type="password" name="pw"><button>Log in</button></form>'
        "<script>window.__pwned=2; alert('x')</script>"
        f"![logo](http://{TRAP}/md.png) [click](javascript:alert(1)) "
        "Which GPU should I use to fine-tune a 7B model?"
    )
    _ask(page, payload)
    user = page.locator('#chatbot [data-testid="user"]').last
    expect(user).to_contain_text("<img src=")
    expect(user).to_contain_text("<script>")
    expect(user).to_contain_text("![logo](")
    page.locator("#chatbot details.sources").last.wait_for(timeout=ANSWER_TIMEOUT_MS)
    for selector in ("img", "form", "input", "script", "a", "button"):
        assert user.locator(selector).count() == 0, (selector, user.inner_html()[:3000])
    assert page.evaluate("window.__pwned") is None
    assert not dialogs
    assert not [url for url in requests if TRAP in url]


def test_a_refused_question_stays_in_the_box_with_the_reason(page):
    question = "Which GPU for " + "a very long question " * (MAX_QUESTION_CHARS // 20)
    _ask(page, question)
    reason = page.locator('#chatbot [data-testid="bot"]').last
    expect(reason).to_contain_text("characters long", timeout=30_000)
    expect(page.locator("#question textarea")).to_have_value(question)


def test_one_vote_per_answer_changeable_and_none_on_errors(page, web_assistant):
    path = web_assistant.settings.feedback_path
    before = len(_feedback_lines(path))
    _ask(page, "   ")
    page.locator("#send").click()
    refusal = page.locator('#chatbot [data-testid="bot"]').last
    expect(refusal).to_contain_text("Please type a question")
    like = page.locator('#chatbot button[aria-label="Like"]')
    if like.count():
        like.last.click()
        page.wait_for_timeout(1500)
    assert len(_feedback_lines(path)) == before  # no vote on an error message

    _ask(page, "What is the difference between LoRA and QLoRA?")
    page.locator("#chatbot details.sources").last.wait_for(timeout=ANSWER_TIMEOUT_MS)
    page.locator('#chatbot button[aria-label="Like"]').last.click()
    lines = _wait_for_lines(path, before + 1)
    assert [entry["vote"] for entry in lines[before:]] == ["up"]
    page.locator('#chatbot button[aria-label="Dislike"]').last.click()
    lines = _wait_for_lines(path, before + 2)
    assert [entry["vote"] for entry in lines[before:]] == ["up", "down"]  # changed, not doubled
    entry = lines[-1]
    assert entry["question"] == "What is the difference between LoRA and QLoRA?"
    assert "QLoRA" in entry["answer"] and "<details" not in entry["answer"]


def test_no_strikethrough_escapes_tildes_outside_code():
    assert no_strikethrough("from ~0.35 to ~2 $/hour, `a~b`") == "from \\~0.35 to \\~2 $/hour, `a~b`"


def test_plain_text_escapes_html_and_markdown():
    shown = as_plain_text('<img src="x"> ![a](b) *c*')
    assert "<" not in shown and "![" not in shown and "*c*" not in shown


def test_answers_never_contain_an_unescaped_tilde(web_assistant):
    text = list(answer_stream(web_assistant, "How much does an H100 cost per hour, roughly?", None))[-1]
    body = text.split("<details", 1)[0]
    assert "~" not in body.replace("\\~", "")


def test_on_a_phone_tables_scroll_sideways_and_the_page_does_not(phone, screenshot):
    _ask(phone, "Which GPU should I use to fine-tune a 7B model?")
    phone.locator("#chatbot details.sources").last.wait_for(timeout=ANSWER_TIMEOUT_MS)
    table = phone.locator("#chatbot table").first
    assert table.evaluate("t => getComputedStyle(t).overflowX") == "auto"
    assert table.locator("td").first.evaluate("td => getComputedStyle(td).whiteSpace") == "nowrap"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    screenshot(phone, "chat-phone")

    phone.get_by_role("tab", name="GPU explorer").click()
    plot = phone.locator("#price-memory .js-plotly-plot")
    plot.wait_for()
    box = plot.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    screenshot(phone, "explorer-phone")


def test_explorer_compares_gpus_side_by_side_and_labels_points(page, screenshot):
    page.get_by_role("tab", name="GPU explorer").click()
    page.locator("#price-memory .js-plotly-plot").wait_for()
    labels = page.evaluate(
        "() => [...document.querySelectorAll('#price-memory g.textpoint text')].map(t => t.textContent)"
    )
    assert "H100 SXM" in labels and "L4" in labels  # each marker carries its GPU's name
    pick = page.locator("#compare-pick input")
    for name in ("H100 SXM", "L4"):
        pick.click()
        pick.fill(name)
        page.get_by_role("option", name=name, exact=True).click()
    compared = page.locator("#compare-table")
    expect(compared).to_contain_text("H100 SXM")
    expect(compared).to_contain_text("L4")
    expect(compared).to_contain_text("$/hour")
    page.keyboard.press("Escape")  # close the picker's list before the picture
    page.locator("#tab-explorer h2, #explorer-count").first.click()
    compared.scroll_into_view_if_needed()
    screenshot(page, "explorer-compare")
