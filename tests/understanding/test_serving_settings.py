"""Serving settings a user states: an FP8 KV cache and the speed each user should get (issue 9 item 6)."""

from __future__ import annotations

import pytest

from assistant.understanding import understand


@pytest.mark.parametrize(
    "question",
    [
        "Serve Llama 3.1 8B on an L40S with the kv cache in fp8 — how many users?",
        "How many chats fit on one A100 for Qwen2.5 14B with an fp8 KV cache?",
        "vllm --kv-cache-dtype fp8_e5m2 with Mistral 7B on an L4, what concurrency?",
    ],
)
def test_an_fp8_kv_cache_is_the_cache_format_not_the_weights(read, question):
    details = read(question).details
    assert details.kv_precision == "fp8"
    assert details.precision is None  # the weights keep their default format


def test_fp8_weights_and_an_fp8_kv_cache_are_both_read(read):
    details = read("Llama 3.1 70B with fp8 weights and an fp8 kv cache on two H100s?").details
    assert details.kv_precision == "fp8" and details.precision == "fp8"


@pytest.mark.parametrize(
    ("question", "rate"),
    [
        ("How many people can use Llama 3.1 8B on one H100 at 25 tokens/s per user?", 25),
        ("Mistral 7B on an L4: how many clients if each client should get 12 tok/s?", 12),
        ("Qwen2.5 7B, 8k context, 40 tokens per second per request — capacity of an A10G?", 40),
    ],
)
def test_the_speed_each_user_should_get_is_read(read, question, rate):
    assert read(question).details.user_tokens_per_s == rate


@pytest.mark.parametrize(
    ("question", "users"),
    [
        ("serving mistral 7b to roughly 40 internal users, which gpu?", 40),
        ("llama 3 8b for 25 paying customers at once on one L4?", 25),
        ("what do I need for 12 concurrent remote users on qwen2.5 14b?", 12),
    ],
)
def test_users_described_with_a_word_between_are_still_counted(catalog, models, question, users):
    assert understand(question, catalog, models).details.batch == users


def test_a_token_count_before_sequences_is_no_user_count(catalog, models):
    assert understand("batching 4096 token sequences for llama 3 8b", catalog, models).details.batch is None


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("which gpu gives at least 50 tokens per second with qwen2.5 14b for a single user?", 50),
        ("I want 80 tok/s for one user on llama 3 8b", 80),
    ],
)
def test_a_speed_for_one_user_is_the_speed_per_user(read, text, rate):
    assert read(text).details.user_tokens_per_s == rate
