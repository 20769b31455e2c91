"""Answers in headless Chromium, on a desktop and a phone viewport: shown from their first line while they
stream, details in a closed fold (none when empty), sources as links, guide sections in a side panel, and
share links for a question and a Sizing input (user text from a link shown as text, never rendered)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from assistant.frontends.web import GuideSections, size_workload
from tests.frontends.stand_ins import DETAILS_MARKER
from tests.frontends.web.browser import DESKTOP, PHONE, open_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::DeprecationWarning:gradio.queueing"),
]

ANSWER_TIMEOUT_MS = 120_000
TRAP = "127.0.0.1:9"  # nothing listens there; a request to it means text from a link was rendered as HTML
TOP_GAP_MAX = 60  # px: the answer's first line sits just under the top of the chat log (36 px of room)

_SCROLL_STATE = """() => {
  const log = document.querySelector('#chatbot [role="log"]');
  const bots = log.querySelectorAll('[data-testid="bot"]');
  const last = bots[bots.length - 1];
  const box = log.getBoundingClientRect();
  return {
    answers: bots.length,
    offset: last ? last.getBoundingClientRect().top - box.top : null,
    pageTop: last ? last.getBoundingClientRect().top : null,
    scrollTop: log.scrollTop,
    maxScroll: log.scrollHeight - log.clientHeight,
    height: log.clientHeight,
    done: document.querySelectorAll('#chatbot details.sources').length,
  };
}"""


def _ask(page, question: str) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")


def _wait_for_answers(page, count: int) -> None:
    expect(page.locator("#chatbot details.sources")).to_have_count(count, timeout=ANSWER_TIMEOUT_MS)


def test_a_new_answer_is_shown_from_its_first_line_while_it_streams(screen, web_assistant, slow_stream):
    _ask(screen, "Which GPU should I use to fine-tune a 7B model?")
    _wait_for_answers(screen, 1)
    slow_stream(web_assistant, pause_s=0.08)  # slow enough to be seen in pieces on a loaded 2-core machine
    _ask(screen, "What can I run on an M3 Max with 64GB?")  # a long answer: a table of models
    screen.wait_for_function(
        "document.querySelectorAll('#chatbot [data-testid=\"bot\"]').length >= 2", timeout=ANSWER_TIMEOUT_MS
    )
    streaming = []
    while True:
        state = screen.evaluate(_SCROLL_STATE)
        if state["done"] >= 2:
            break
        streaming.append(state)
        screen.wait_for_timeout(100)
    assert len(streaming) >= 5, "the answer streamed in pieces"
    for state in streaming:  # never follows the end: the new answer's start stays in view
        assert 0 <= state["offset"] <= state["height"] - 20, state
    overflowing = [s for s in streaming if s["scrollTop"] < s["maxScroll"] - 20]
    assert overflowing, "once the answer is longer than the chat, the end is below the view"
    assert all(s["offset"] <= TOP_GAP_MAX for s in overflowing), overflowing
    screen.wait_for_timeout(500)
    final = screen.evaluate(_SCROLL_STATE)
    assert 0 <= final["offset"] <= TOP_GAP_MAX, final
    assert final["scrollTop"] < final["maxScroll"] - 50, "the view is at the answer's start, not its end"
    viewport = screen.viewport_size["height"]
    assert 0 <= final["pageTop"] < viewport - 40, "the first line is on screen, on a phone too"
    first_line = screen.locator('#chatbot [data-testid="bot"]').last.locator("p").first
    expect(first_line).to_be_in_viewport()


def test_the_reader_scrolling_during_the_stream_is_not_undone(page, web_assistant, slow_stream):
    # a phone-width view, so the (short by default) answer is still taller than the chat and can be scrolled
    page.set_viewport_size({"width": 390, "height": 844})
    _ask(page, "Which GPU should I use to fine-tune a 7B model?")
    _wait_for_answers(page, 1)
    slow_stream(web_assistant, piece=20, pause_s=0.15)  # answers are short: slow enough to scroll mid-stream
    _ask(page, "What can I run on an M3 Max with 64GB?")  # a long answer: a table of models
    page.wait_for_function(
        """() => { const log = document.querySelector('#chatbot [role="log"]');
                   const bots = log.querySelectorAll('[data-testid="bot"]');
                   return bots.length >= 2 && log.scrollTop < log.scrollHeight - log.clientHeight - 200; }""",
        timeout=ANSWER_TIMEOUT_MS,
    )
    log = page.locator('#chatbot [role="log"]')
    box = log.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, 150)  # the reader reads on while the answer still streams
    page.wait_for_timeout(300)
    read_to = page.evaluate(_SCROLL_STATE)
    assert read_to["done"] < 2, "scrolled while streaming"
    _wait_for_answers(page, 2)
    final = page.evaluate(_SCROLL_STATE)
    assert final["offset"] < 0 and final["scrollTop"] >= read_to["scrollTop"], (read_to, final)


def test_details_are_folded_closed_under_the_answer(screen, web_assistant, set_details):
    set_details(web_assistant)
    _ask(screen, "Can I run Llama 3 8B on an L4?")
    _wait_for_answers(screen, 1)
    answer = screen.locator('#chatbot [data-testid="bot"]').last
    fold = answer.locator("details.answer-details")
    expect(fold).to_have_count(1)
    assert fold.evaluate("d => d.open") is False
    expect(fold.locator("summary")).to_have_text("Details")
    expect(fold.get_by_text(DETAILS_MARKER)).to_be_hidden()
    assert answer.inner_html().index("answer-details") < answer.inner_html().index('class="sources"')
    fold.locator("summary").click()
    expect(fold.get_by_text(DETAILS_MARKER)).to_be_visible()
    expect(fold.locator("table")).to_contain_text("KV cache")
    assert fold.locator("del, s").count() == 0, "a tilde in the details strikes nothing through"
    assert "L4" in answer.inner_text()


def test_no_empty_details_fold_when_a_reply_has_none(screen, web_assistant, set_details):
    set_details(web_assistant, "")
    _ask(screen, "Compare the L4 and the T4")
    _wait_for_answers(screen, 1)
    answer = screen.locator('#chatbot [data-testid="bot"]').last
    expect(answer).to_contain_text("T4")
    assert answer.locator("details.answer-details").count() == 0
    assert answer.locator("details").count() == 1  # the sources only


def test_datasheets_are_links_and_guide_sections_open_in_a_side_panel(screen, web_assistant, screenshot):
    _ask(screen, "Can I fine-tune a 7B model with QLoRA on an L4?")
    _wait_for_answers(screen, 1)
    sources = screen.locator("#chatbot details.sources").last
    sources.locator("summary").click()
    datasheet = sources.locator("a.source-link").first
    expect(datasheet).to_be_visible()
    assert datasheet.get_attribute("href").startswith("https://")
    guide = sources.locator("a.guide-link").first
    expect(guide).to_be_visible()
    path = parse_qs(urlsplit(guide.get_attribute("href")).query)["section"][0]
    title, text = GuideSections(web_assistant).get(path)
    before = screen.url
    guide.click()
    panel = screen.locator("#section-panel")
    # the section comes back from the server in a Gradio round trip, slow on a loaded machine
    expect(panel).to_be_visible(timeout=30_000)
    shown = screen.locator("#section-text")
    expect(shown).to_contain_text(title.split(" — ")[-1], timeout=30_000)
    expect(shown).to_contain_text(" ".join(text.split()[:8]))
    assert screen.url == before and len(screen.context.pages) == 1, "opened in place, not in a new tab"
    box = panel.bounding_box()
    width = screen.viewport_size["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, "the panel fits the screen"
    if width > 500:
        screenshot(screen, "chat-section")
    screen.locator("#section-close").click()
    expect(panel).to_be_hidden()


def test_a_section_link_opened_directly_shows_the_panel(browser, web_url, web_assistant):
    sections = GuideSections(web_assistant)
    path = next(p for p in sections._load() if "quantization" in p)
    with open_app(browser, f"{web_url}/?section={path.replace('#', '%23')}", PHONE) as page:
        expect(page.locator("#section-panel")).to_be_visible()
        expect(page.locator("#section-text")).to_contain_text(sections.get(path)[0].split(" — ")[-1])
    with open_app(browser, f"{web_url}/?section=%3Cimg%20src%3Dhttp%3A%2F%2F{TRAP}%2Fx%3E", DESKTOP) as page:
        expect(page.locator("#section-text")).to_contain_text("No guide section is called")
        assert page.locator("#section-text img").count() == 0


def test_share_link_asks_the_first_question_again(screen, browser, web_url):
    first = "Can I run Llama 3 8B on an L4?"
    _ask(screen, first)
    _wait_for_answers(screen, 1)
    _ask(screen, "What about an A10G?")
    _wait_for_answers(screen, 2)
    screen.locator("#share-chat").click()
    link = screen.locator("#share-link textarea, #share-link input").first
    expect(link).to_have_value(f"{web_url}/?q=Can+I+run+Llama+3+8B+on+an+L4%3F")
    with open_app(
        browser, link.input_value(), DESKTOP if screen.viewport_size["width"] > 500 else PHONE
    ) as shared:
        expect(shared.locator('#chatbot [data-testid="user"]')).to_have_count(1)
        expect(shared.locator('#chatbot [data-testid="user"]').first).to_have_text(first)
        _wait_for_answers(shared, 1)
        expect(shared.locator('#chatbot [data-testid="bot"]').first).to_contain_text("L4")
        expect(shared.locator("#question textarea")).to_have_value("")


def test_share_before_asking_says_what_to_do(page):
    page.locator("#share-chat").click()
    expect(page.locator("#share-link textarea, #share-link input").first).to_have_value(
        "Ask a question first; the link then asks it again."
    )


def test_a_question_in_a_link_is_shown_as_text_never_rendered(browser, web_url):
    payload = (
        f'<img src="http://{TRAP}/q.png" onerror="window.__pwned=1"><script>window.__pwned=2</script>'
        f"![x](http://{TRAP}/md.png) Which GPU should I use to fine-tune a 7B model?"
    )
    with open_app(browser, f"{web_url}/?{urlencode({'q': payload})}", PHONE) as page:
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        user = page.locator('#chatbot [data-testid="user"]').first
        expect(user).to_contain_text('<img src="http://')
        expect(user).to_contain_text("<script>")
        _wait_for_answers(page, 1)
        for selector in ("img", "script", "a"):
            assert user.locator(selector).count() == 0, user.inner_html()[:2000]
        assert page.evaluate("window.__pwned") is None
        assert not [url for url in requests if TRAP in url]


def _pick(page, field: str, option: str) -> None:
    page.locator(f"#sizing-{field} input").click()
    page.locator(f"#sizing-{field} input").fill(option)
    page.get_by_role("option", name=option, exact=True).click()


def test_sizing_share_link_reproduces_the_inputs(screen, browser, web_assistant):
    view = size_workload(web_assistant, "Qwen2.5 32B", None, "inference", "int8", None, 4, None)
    expected = view.message.replace("**", "")
    screen.get_by_role("tab", name="Sizing").click()
    _pick(screen, "model", "Qwen2.5 32B")
    _pick(screen, "precision", "int8")
    batch = screen.locator("#sizing-batch input")
    batch.fill("4")
    batch.press("Enter")
    headline = screen.locator("#sizing-headline")
    expect(headline).to_have_text(expected)
    screen.locator("#sizing-share").click()
    link = screen.locator("#sizing-share-link textarea, #sizing-share-link input").first
    expect(link).to_have_value(re.compile(r"^http://.*\?tab=sizing&"))
    url = link.input_value()
    query = parse_qs(urlsplit(url).query)
    assert query["model"] == ["Qwen2.5 32B"] and query["precision"] == ["int8"] and query["batch"] == ["4"]
    assert "params" not in query, "a named model's size comes from its spec"
    with open_app(browser, url, DESKTOP if screen.viewport_size["width"] > 500 else PHONE) as shared:
        expect(shared.get_by_role("tab", name="Sizing")).to_have_attribute("aria-selected", "true")
        expect(shared.locator("#sizing-model input")).to_have_value("Qwen2.5 32B")
        expect(shared.locator("#sizing-precision input")).to_have_value("int8")
        expect(shared.locator("#sizing-batch input")).to_have_value("4")
        expect(shared.locator("#sizing-headline")).to_have_text(expected)


def test_bad_sizing_values_in_a_link_are_dropped_with_a_note(browser, web_url):
    url = f"{web_url}/?tab=sizing&model=%3Cimg%20src%3Dhttp%3A%2F%2F{TRAP}%2Fm%3E&batch=lots&precision=int4"
    with open_app(browser, url, PHONE) as page:
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        headline = page.locator("#sizing-headline")
        expect(headline).to_contain_text("could not be used")
        expect(headline).to_contain_text("<img src=")
        assert headline.locator("img").count() == 0
        expect(page.locator("#sizing-precision input")).to_have_value("int4")
        expect(page.locator("#sizing-model input")).to_have_value("Llama 3.1 8B")
        assert not [u for u in requests if TRAP in u]


def test_the_page_says_when_the_search_index_is_being_built(browser, indexed_data_dir):
    from assistant import Assistant, load_settings
    from assistant.frontends.web import BackgroundServer

    fresh = Assistant(load_settings(data_dir=indexed_data_dir("web-building"), api_rate_limit=0))
    with BackgroundServer(fresh) as server, open_app(browser, server.url, PHONE) as page:
        status = page.locator("#index-status")
        expect(status).to_contain_text("Building the search index (first run, about a minute")
        fresh.warm_up()  # what `serve` does in the background
        expect(status).to_be_hidden(timeout=15_000)
