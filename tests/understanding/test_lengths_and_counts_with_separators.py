"""A context or a head count written with thousands separators ("32,768 tokens", "1,500 users") is one number, and a
model's "max_len" is its context. Phrasings of our own, in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "context"),
    [
        ("how much vram for mistral 7b with a context window of 32,768 tokens in vllm?", 32768),
        ("qwen2.5 14b served at 65,536 tokens of context on an L40S, enough?", 65536),
        ("serving llama 3.1 8b (max_len 64000) on one L4, will it fit?", 64000),
        ("phi-3 medium with max-len=16000 under vllm on a 4090", 16000),
    ],
)
def test_the_context_said_is_read_whole(read, question, context):
    assert read(question).details.context == context


@pytest.mark.parametrize(
    ("question", "users"),
    [
        ("we expect 1,200 concurrent users on llama 3 8b, how many H100s?", 1200),
        ("serve mistral 7b to 2,000 users at once with 2k context each", 2000),
    ],
)
def test_a_head_count_with_separators_is_read_whole(read, question, users):
    assert read(question).details.batch == users
