"""A use the local models are wanted for ("coding"), with no model named (phrasings of our own, in no evaluation
set): read as that use, and the question becomes what of that use runs on the card."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    "question",
    [
        "top pick for a local code assistant on a 7900 XTX?",
        "which LLM should I run for programming on my 3090?",
        "recommend me a coding LLM that fits 10 GB of VRAM",
    ],
)
def test_a_coding_use_is_read_and_walked_on_the_card(read, question):
    got = read(question)
    assert got.details.model_use == "coding", got.details
    assert got.intent is Intent.MY_HARDWARE, got.intent


@pytest.mark.parametrize(
    "question",
    [
        "how fast does Qwen2.5 14B write code on a 4080?",  # a model named: that model, not a use
        "what can my 4070 run?",  # no use said
    ],
)
def test_no_use_without_the_words_or_with_a_model_named(read, question):
    assert read(question).details.model_use is None
