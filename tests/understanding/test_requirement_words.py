"""'The memory needed for X', 'the VRAM requirement of X', 'GPU requirements for X' ask for X's memory (a sizing
answer that leads with the figure), not for a GPU pick. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    "question",
    [
        "memory required for phi-3 medium at a 32k context?",
        "whats the vram needed for gemma 2 27b in 8 bit",
        "system requirements for running qwen2.5 coder 32b",
        "llama 3.1 70b memory footprint with fp8 weights",
    ],
)
def test_requirement_words_ask_for_the_memory(read, question):
    assert read(question).intent is Intent.SIZE


def test_a_gpu_asked_for_stays_a_recommendation(read):
    assert read("which gpu should i rent for mistral 7b inference?").intent is Intent.RECOMMEND


def test_less_expensive_asks_for_a_cheaper_setup_not_a_bill(read):
    later = read("what should i rent to serve mistral 7b?", "is there a less expensive card?")
    assert later.details.cheaper and not later.details.wants_cost
    assert read("that is too expensive, what would 8-bit cost?").details.wants_cost


@pytest.mark.parametrize(
    "question",
    [
        "qwen2.5 32b — how many GB of vram per 1k tokens of context?",
        "what's the ram cost per thousand tokens for gemma 2 9b",
    ],
)
def test_memory_per_thousand_tokens_asks_the_kv_arithmetic(read, question):
    assert read(question).details.wants_kv_math


def test_a_context_length_alone_is_no_kv_arithmetic(read):
    assert not read("how much vram for llama 3.1 8b at 32k tokens of context?").details.wants_kv_math
