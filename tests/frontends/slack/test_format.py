"""Markdown answers turned into Slack mrkdwn and Block Kit, within Slack's limits."""

from __future__ import annotations

import json

from assistant import Reply, Source
from assistant._feedback import append_feedback
from assistant.frontends.slack import question_text
from assistant.frontends.slack._format import (
    DETAILS_BLOCK_ID,
    MAX_BLOCKS,
    SECTION_LIMIT,
    answer_message,
    details_message,
    details_posted,
    feedback_given,
    split_mrkdwn,
    to_mrkdwn,
)


def test_inline_markup():
    text = "**Best value:** one *A40* — see [the guide](https://example.com/a?b=1) and `gpus.yaml` ~~old~~"
    assert to_mrkdwn(text) == (
        "*Best value:* one _A40_ — see <https://example.com/a?b=1|the guide> and `gpus.yaml` ~old~"
    )


def test_reserved_characters_are_escaped_but_links_and_code_keep_working():
    assert to_mrkdwn("fits if 24 GB < 48 GB & price > $1") == "fits if 24 GB &lt; 48 GB &amp; price &gt; $1"
    assert to_mrkdwn("use `a<b` or <https://x.org>") == "use `a&lt;b` or <https://x.org>"


def test_headings_bullets_quotes_and_rules():
    text = "## How the answer **changes**\n- one\n  - nested\n* two\n> quoted\n---\n1. first"
    assert (
        to_mrkdwn(text)
        == "*How the answer changes*\n• one\n    ◦ nested\n• two\n> quoted\n──────────\n1. first"
    )


def test_code_blocks_are_kept_verbatim():
    text = "```python\nx = a**2 < b  # **not bold**\n```"
    assert to_mrkdwn(text) == "```\nx = a**2 &lt; b  # **not bold**\n```"


def test_a_narrow_table_becomes_aligned_columns_in_a_code_block():
    text = "| GPU | memory |\n| --- | ---: |\n| **L4** | 24 GB |\n| H100 | 80 GB |"
    assert to_mrkdwn(text) == "```\nGPU   memory\n----  ------\nL4    24 GB\nH100  80 GB\n```"


def test_a_wide_table_becomes_bullet_lines():
    text = (
        "|  | L4 | T4 |\n| --- | --- | --- |\n"
        "| price (on-demand) | $0.71/hour typical, from $0.43 (RunPod) | $0.53/hour typical, from $0.35 (GCP) |\n"
        "| **total** | **24 GB** | |"
    )
    assert to_mrkdwn(text).split("\n") == [
        "• *price (on-demand)* — L4: $0.71/hour typical, from $0.43 (RunPod) · T4: $0.53/hour typical, from $0.35 (GCP)",
        "• *total* — L4: *24 GB*",
    ]


def test_long_text_is_split_under_the_section_limit_at_blank_lines():
    paragraphs = [f"Paragraph {i}: " + "word " * 150 for i in range(12)]
    pieces = split_mrkdwn("\n\n".join(paragraphs))
    assert len(pieces) > 1 and all(len(p) <= SECTION_LIMIT for p in pieces)
    assert all(p.startswith("Paragraph") for p in pieces)
    assert " ".join(" ".join(pieces).split()) == " ".join(" ".join(paragraphs).split())


def test_a_long_code_block_is_closed_and_reopened_across_sections():
    code = "```\n" + "\n".join(f"line {i:04d} " + "x" * 60 for i in range(120)) + "\n```"
    pieces = split_mrkdwn(code)
    assert len(pieces) > 1
    for piece in pieces:
        assert len(piece) <= SECTION_LIMIT
        assert piece.startswith("```") and piece.endswith("```")
    assert sum(p.count("line ") for p in pieces) == 120


def test_one_huge_line_is_cut():
    pieces = split_mrkdwn("x" * (SECTION_LIMIT * 2 + 5))
    assert all(len(p) <= SECTION_LIMIT for p in pieces) and sum(map(len, pieces)) == SECTION_LIMIT * 2 + 5


def test_answer_message_has_sections_sources_and_feedback_buttons():
    sources = [Source("GPU catalog: L4", "corpus/gpus.yaml#l4"), Source("Guide <x>", "corpus/guides/a.md")]
    body = "**L4** wins.\n\n" + "\n\n".join("More detail. " * 40 for _ in range(12))
    reply = Reply(text=body, sources=sources)
    message = answer_message(reply, "abc123")
    blocks = message["blocks"]
    sections = [b for b in blocks if b["type"] == "section"]
    assert len(sections) > 1 and all(len(b["text"]["text"]) <= SECTION_LIMIT for b in sections)
    assert blocks[-2]["type"] == "context" and blocks[-1]["type"] == "actions"
    context = blocks[-2]["elements"][0]["text"]
    assert "1. GPU catalog: L4 — `corpus/gpus.yaml#l4`" in context and "Guide &lt;x&gt;" in context
    assert [e["value"] for e in blocks[-1]["elements"]] == ["abc123", "abc123"]
    assert message["text"].startswith("*L4* wins.") and "Sources" not in message["text"]
    assert len(json.dumps(blocks)) < 40_000


def test_feedback_replaces_the_buttons():
    message = answer_message(Reply(text="Hi"), "id1")
    blocks = feedback_given(message["blocks"], "up", "U1")
    assert [b["type"] for b in blocks] == ["section", "context"]
    assert "👍" in blocks[-1]["elements"][0]["text"] and "<@U1>" in blocks[-1]["elements"][0]["text"]


def test_question_text_drops_the_mention_and_slack_markup():
    text = "<@UBOT> Compare <#C1|gpus> &amp; <https://x.org|this> with <@U2> &lt;3 <!here>"
    assert question_text(text, "UBOT") == "Compare #gpus & this with @U2 <3 here"
    assert question_text("<@UBOT>   ", "UBOT") == ""


def test_append_feedback_writes_one_json_line(tmp_path):
    path = tmp_path / "deep" / "feedback.jsonl"
    append_feedback(path, question="q", answer="a", vote="up", source="slack")
    append_feedback(path, question="q2", answer="a2", vote="down", source="slack")
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert [r["vote"] for r in records] == ["up", "down"]
    assert all(r["source"] == "slack" and r["timestamp"].endswith("+00:00") for r in records)


def test_details_get_a_button_of_their_own_and_none_when_empty():
    reply = Reply(text="**Yes** — fits.", details="**Breakdown**\n\n- weights 16 GB", sources=[])
    blocks = answer_message(reply, "a1")["blocks"]
    assert [b.get("block_id") for b in blocks if b["type"] == "actions"] == [DETAILS_BLOCK_ID, "feedback"]
    (button,) = next(b for b in blocks if b.get("block_id") == DETAILS_BLOCK_ID)["elements"]
    assert button["action_id"] == "show_details" and button["value"] == "a1"
    assert "Breakdown" not in json.dumps(blocks), "the message itself is the short answer"
    for details in ("", "  \n "):
        plain = answer_message(Reply(text="**Yes** — fits.", details=details), "a2")["blocks"]
        assert not [b for b in plain if b.get("block_id") == DETAILS_BLOCK_ID]
    kept = details_posted(blocks, "U1")
    assert not [b for b in kept if b.get("block_id") == DETAILS_BLOCK_ID]
    assert kept[-1]["block_id"] == "feedback" and "<@U1>" in json.dumps(kept)


def test_details_message_is_mrkdwn_within_slack_limits():
    table = "| part | GB |\n| --- | --- |\n| weights | 16.1 |\n"
    message = details_message("**Breakdown**\n\n" + table + "\n- ~2 k context <b>")
    shown = json.dumps(message["blocks"], ensure_ascii=False)
    assert "*Breakdown*" in shown and "**" not in shown and "| ---" not in shown and "&lt;b&gt;" in shown
    huge = details_message("\n\n".join("x" * 2900 for _ in range(80)))
    assert len(huge["blocks"]) <= MAX_BLOCKS
    assert all(len(b["text"]["text"]) <= SECTION_LIMIT for b in huge["blocks"] if b["type"] == "section")


def test_sources_link_their_datasheets_and_never_a_url_slack_would_misread():
    sources = [
        Source(
            "GPU catalog: L4",
            "corpus/gpus.yaml#l4",
            "https://www.nvidia.com/en-us/data-center/l4/ (datasheet)",
        ),
        Source("Model spec: M", "corpus/models.yaml#m", "https://hf.co/m/config.json"),
        Source("Sizing assumptions", "corpus/assumptions.yaml", "uses: x"),
    ]
    context = answer_message(Reply(text="ok", sources=sources))["blocks"][-1]
    text = context["elements"][0]["text"]
    assert "<https://www.nvidia.com/en-us/data-center/l4/|datasheet>" in text
    assert "<https://hf.co/m/config.json|source>" in text and text.count("<https://") == 2
