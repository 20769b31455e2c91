"""Without a browser: share links read and written, sources as links, the details fold, guide sections for
the side panel, and the line shown while the search index is being built."""

from __future__ import annotations

import math
from urllib.parse import parse_qs

import pytest

from assistant import Assistant, Source, load_settings
from assistant.frontends._markdown import is_guide_section, source_url, sources_markdown
from assistant.frontends.web import (
    CUSTOM_SIZE,
    FeedbackLog,
    GuideSections,
    chat_link,
    details_block,
    read_link,
    sizing_from_link,
    sizing_link,
    sources_block,
)
from assistant.frontends.web import _index_message as index_message

# --- share links ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["Can I run Llama 3 8B on an L4?", "a & b = c? 100% #1 <b>x</b> +plus", "¿Qué GPU para 7B? 日本語 🙂"],
)
def test_a_chat_link_carries_the_question_exactly(question):
    link = chat_link(f"  {question} ")
    assert link.startswith("?") and " " not in link and "<" not in link
    assert read_link({k: v[0] for k, v in parse_qs(link[1:]).items()}).question == question


def test_no_question_no_link():
    assert chat_link("   ") == ""
    assert read_link({}).question == "" and not read_link({}).wants_sizing


def test_a_sizing_link_leaves_out_empty_and_default_values():
    link = sizing_link("Llama 3.1 70B", None, "inference", "int4", 0, 8, None)
    assert parse_qs(link[1:]) == {
        "tab": ["sizing"],
        "model": ["Llama 3.1 70B"],
        "task": ["inference"],
        "precision": ["int4"],
        "batch": ["8"],
    }
    custom = parse_qs(sizing_link(CUSTOM_SIZE, 13.5, "lora", "bf16", 4096, 1, 50)[1:])
    assert custom["params"] == ["13.5"] and custom["context"] == ["4096"] and custom["tokens"] == ["50"]


def test_sizing_from_a_link_uses_valid_values(web_assistant):
    link = sizing_link(CUSTOM_SIZE, 13, "lora", "bf16", 4096, 2, 50)
    values, view = sizing_from_link(
        web_assistant, read_link({k: v[0] for k, v in parse_qs(link[1:]).items()}).sizing
    )
    assert values[0] == CUSTOM_SIZE and values[1:] == [13.0, "lora", "bf16", 4096.0, 2.0, 50.0]
    assert view.ok and "could not be used" not in view.message


@pytest.mark.parametrize(
    ("field", "value"),
    [("model", "GPT-9 Ultra"), ("task", "dance"), ("precision", "fp3"), ("batch", "nan"), ("context", "inf"),
     ("params", "1e999"), ("tokens", "lots")],
)  # fmt: skip
def test_sizing_values_a_link_cannot_use_are_dropped_with_a_note(web_assistant, field, value):
    values, view = sizing_from_link(web_assistant, {field: value})
    assert view.ok, view.message  # the defaults in their place still size
    assert "could not be used" in view.message and field in view.message
    assert all(not isinstance(v, float) or math.isfinite(v) for v in values if v is not None)


def test_a_hostile_sizing_value_is_shown_as_text(web_assistant):
    _, view = sizing_from_link(web_assistant, {"model": '<img src=x onerror="alert(1)">'})
    assert "<img" not in view.message and "&lt;img" in view.message


# --- sources and details --------------------------------------------------------------------------------

DATASHEET = Source(
    "GPU catalog: L4", "corpus/gpus.yaml#l4", "https://www.nvidia.com/en-us/data-center/l4/ (L4 datasheet)"
)
GUIDE = Source("Quantization — What is int4?", "corpus/guides/quantization.md#what-is-int4", "int4 stores…")
ASSUMPTIONS = Source("Sizing assumptions", "corpus/assumptions.yaml", "uses: bytes_per_param")


def test_source_urls_are_http_only():
    assert source_url(DATASHEET) == "https://www.nvidia.com/en-us/data-center/l4/"
    assert source_url(ASSUMPTIONS) is None and source_url(GUIDE) is None
    assert source_url(Source("x", "corpus/gpus.yaml#x", "javascript:alert(1) data:text/html,hi")) is None
    assert source_url(Source("x", "corpus/models.yaml#m", "See https://hf.co/m/config.json.")) == (
        "https://hf.co/m/config.json"
    )
    assert is_guide_section(GUIDE) and not is_guide_section(DATASHEET)
    assert not is_guide_section(Source("x", "corpus/guides/../../etc/passwd"))


def test_sources_block_links_datasheets_and_guide_sections():
    block = sources_block([DATASHEET, GUIDE, ASSUMPTIONS])
    assert 'href="https://www.nvidia.com/en-us/data-center/l4/"' in block and ">datasheet</a>" in block
    assert 'class="guide-link" href="?section=corpus/guides/quantization.md%23what-is-int4"' in block
    assert block.count("<a ") == 2
    hostile = sources_block([Source('<img src=x>"', "corpus/guides/a.md#b", "<script>")])
    assert "<img" not in hostile and "<script>" not in hostile


def test_cli_and_api_sources_list_the_web_address():
    listed = sources_markdown([DATASHEET, ASSUMPTIONS])
    assert "<https://www.nvidia.com/en-us/data-center/l4/>" in listed
    assert listed.count("https://") == 1


def test_the_details_fold_is_closed_and_absent_when_empty():
    fold = details_block("**Breakdown**\n\n- weights ~16 GB")
    assert fold.startswith('\n\n<details class="answer-details"><summary>Details</summary>')
    assert "<details open" not in fold and "\\~16" in fold
    assert details_block("") == "" and details_block(" \n ") == ""


def test_a_vote_records_the_answer_without_its_folds(tmp_path):
    log = FeedbackLog(tmp_path / "feedback.jsonl")
    shown = "**Yes** — fits." + details_block("secret breakdown") + sources_block([DATASHEET])
    history = [{"role": "user", "content": "q"}, {"role": "assistant", "content": shown}]
    assert log.record_like(history, 1, True)["answer"] == "**Yes** — fits."


# --- guide sections -------------------------------------------------------------------------------------


def test_every_guide_source_path_has_its_section_text(web_assistant):
    sections = GuideSections(web_assistant)
    docs = [d for d in web_assistant.services.knowledge.documents() if d.metadata["kind"] == "guide"]
    assert docs
    for doc in docs:
        found = sections.get(doc.metadata["path"])
        assert found is not None, doc.metadata["path"]
        title, text = found
        assert title == doc.metadata["title"]
        body = doc.page_content.removeprefix(title).strip()
        assert " ".join(body.split()[-12:]) in " ".join(text.split()), doc.metadata["path"]
    split = [p for p in {d.metadata["path"] for d in docs} if sum(d.metadata["path"] == p for d in docs) > 1]
    for path in split:  # parts of one long section are joined without repeating their overlap
        text = sections.get(path)[1]
        assert len(text) < sum(len(d.page_content) for d in docs if d.metadata["path"] == path)


def test_an_unknown_section_is_a_friendly_line_shown_as_text(web_assistant):
    shown = GuideSections(web_assistant).panel_markdown("corpus/guides/<img src=x>.md")
    assert shown.startswith("⚠️ No guide section") and "<img" not in shown


# --- the index status line ------------------------------------------------------------------------------


def test_the_page_says_the_index_is_being_built_until_it_is_ready(indexed_data_dir):
    fresh = Assistant(load_settings(data_dir=indexed_data_dir("web-status")))
    assert "Building the search index (first run, about a minute" in index_message(fresh)
    fresh.warm_up()
    assert index_message(fresh) is None
