"""The web app in headless Chromium: chat with sources, examples, feedback, explorer and sizing views."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::DeprecationWarning:gradio.queueing"),  # gradio's own pandas 3 calls
]

ANSWER_TIMEOUT_MS = 120_000
QUESTION = "Which GPU should I use to fine-tune a 7B model?"


def _bot_messages(page):
    return page.locator('#chatbot [data-testid="bot"]')


def _ask(page, question: str) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")


def test_chat_answers_with_a_gpu_and_sources(page, web_assistant, screenshot):
    _ask(page, QUESTION)
    expect(page.locator('#chatbot [data-testid="user"]').first).to_contain_text(QUESTION)
    sources = page.locator("#chatbot details.sources").last
    sources.wait_for(timeout=ANSWER_TIMEOUT_MS)
    answer = _bot_messages(page).last.inner_text()
    names = web_assistant.services.catalog.names
    assert any(name in answer for name in names), answer[:500]
    assert "Traceback" not in answer
    assert page.locator("#chatbot table").count() >= 1, "Markdown tables render as HTML tables"
    expect(page.locator("#question textarea")).to_have_value("")

    expect(_bot_messages(page).last.locator("p").first).to_be_in_viewport()  # shown from its first line
    screenshot(page, "chat")

    sources.locator("summary").click()
    expect(sources).to_contain_text("corpus/")

    _ask(page, "What about with QLoRA?")  # the session's conversation id carries the 7B model over
    expect(page.locator("#chatbot details.sources")).to_have_count(2, timeout=ANSWER_TIMEOUT_MS)
    expect(_bot_messages(page).last).to_contain_text("QLoRA fine-tuning of a 7B")


def test_like_appends_feedback(page, web_assistant):
    path = web_assistant.settings.feedback_path
    before = path.read_text(encoding="utf-8").count("\n") if path.exists() else 0
    _ask(page, "What is the difference between LoRA and QLoRA?")
    page.locator("#chatbot details.sources").last.wait_for(timeout=ANSWER_TIMEOUT_MS)
    page.locator('#chatbot button[aria-label="Like"]').last.click()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        if len(lines) > before:
            break
        time.sleep(0.2)
    entry = json.loads(lines[-1])
    assert entry["vote"] == "up"
    assert entry["question"] == "What is the difference between LoRA and QLoRA?"
    assert "QLoRA" in entry["answer"] and "<details" not in entry["answer"]


def test_example_question_is_asked_and_new_chat_clears(page):
    example = "Compare the H100 SXM and the A100 80GB"
    page.locator("#examples button", has_text=example).click()
    expect(page.locator('#chatbot [data-testid="user"]').last).to_contain_text(example)
    page.locator("#chatbot details.sources").last.wait_for(timeout=ANSWER_TIMEOUT_MS)
    expect(_bot_messages(page).last).to_contain_text("H100 SXM")

    page.locator("#new-chat").click()
    expect(_bot_messages(page)).to_have_count(0)


def test_invalid_question_gets_a_friendly_message(page):
    _ask(page, "   ")
    page.locator("#send").click()
    expect(_bot_messages(page).last).to_contain_text("Please type a question")


def test_explorer_shows_table_charts_and_filters(page, catalog, screenshot):
    page.get_by_role("tab", name="GPU explorer").click()
    table = page.locator("#gpu-table")
    expect(table).to_contain_text("H100 SXM")
    expect(page.locator("#price-memory .js-plotly-plot")).to_be_visible()
    expect(page.locator("#price-performance .js-plotly-plot")).to_be_visible()
    expect(page.locator("#price-note")).to_contain_text("left out of the price charts")
    screenshot(page, "explorer")

    header = table.locator('[role="columnheader"]', has_text="Memory (GB)")
    header.hover()
    header.get_by_role("button", name="Open cell menu").click()
    page.get_by_role("menuitem", name="Sort descending").click()
    largest = max(catalog, key=lambda g: g.memory_gb)
    expect(table.locator('[role="row"]').nth(1)).to_contain_text(f"{largest.memory_gb:g}")

    amd = sum(g.vendor == "AMD" for g in catalog)
    page.locator("#vendor-filter label", has_text="AMD").click()
    expect(page.locator("#explorer-count")).to_contain_text(f"{amd} of {len(catalog)} GPUs match")
    expect(table).to_contain_text("MI300X")
    expect(table).not_to_contain_text("H100 SXM")


def test_sizing_shows_a_breakdown_for_a_chosen_model(page, screenshot):
    page.get_by_role("tab", name="Sizing").click()
    model = page.locator("#sizing-model input")
    model.click()
    model.fill("Llama 3.1 70B")
    page.get_by_role("option", name="Llama 3.1 70B", exact=True).click()
    page.locator("#sizing-precision input").click()
    page.get_by_role("option", name="int4", exact=True).click()
    headline = page.locator("#sizing-headline")
    expect(headline).to_contain_text("Llama 3.1 70B")
    chart = page.locator("#sizing-chart .js-plotly-plot")
    expect(chart).to_be_visible()
    expect(chart).to_contain_text("Memory breakdown")
    expect(chart).to_contain_text("KV cache")
    expect(page.locator("#sizing-fits")).to_contain_text("H100 SXM")
    expect(page.locator("#sizing-assumptions")).to_contain_text("bytes_per_param")
    screenshot(page, "sizing")

    page.locator("#sizing-model input").click()
    page.get_by_role("option", name="Custom size (parameters below)", exact=True).click()
    params = page.locator("#sizing-params input")
    params.fill("-3")
    params.press("Enter")
    expect(headline).to_contain_text("parameter count above 0")
