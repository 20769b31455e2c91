"""A training sequence too long for any GPU: the activations (with the fp32 logits among them) are said, then what a
fused cross-entropy and sequence parallelism with ZeRO-3 make of it, with a count of the card. Real components;
phrasings in no evaluation set."""

from __future__ import annotations

import re

from assistant.answering._numbers import unsupported_numbers


def test_a_sequence_no_gpu_holds_gets_the_levers_and_a_count(ask):
    text = ask(
        "full-parameter SFT of Llama 3.1 8B on 192k-token documents using H100 80GB — what setup?"
    ).text
    assert "No GPU holds one 196,608-token sequence" in text
    assert "fused, chunked cross-entropy" in text and "sequence parallelism" in text
    assert re.search(r"about \d+ x H100 SXM \([\d.]+ GB usable each\)", text)


def test_split_sequence_figures_come_from_the_facts(assistant):
    state = assistant._prepare(
        "what hardware to fine-tune Qwen2.5 7B (all weights) at a 160k context length?", None
    )
    shown = f"{state['draft']}\n\n{state['details']}"
    assert "sequence parallelism" in shown
    assert unsupported_numbers(shown, state["facts"], state["passages"]) == set()
