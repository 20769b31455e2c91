"""A count of people with nothing saying they send at once is flagged (users_unqualified); concurrency words,
requests, batches and engine caps are not. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "is one A10G enough to host phi-3 mini for 60 students?",
        "serving gemma 2 9b to about 400 customers on two L4s, ok?",
        "we have 35 developers who'd use a code model on an H100",
    ],
)
def test_people_counted_without_concurrency_are_unqualified(read, question):
    d = read(question).details
    assert d.batch and d.batch > 1
    assert d.users_unqualified


@pytest.mark.parametrize(
    "question",
    [
        "is one A10G enough for 60 concurrent students on phi-3 mini?",
        "400 customers at the same time on two L4s with gemma 2 9b?",
        "35 parallel requests to qwen 7b on an H100",
        "batch size 16 for llama 3 8b on an A100",
        "peak of 80 users on an L40S for mistral 7b",
    ],
)
def test_counts_in_flight_are_not_unqualified(read, question):
    assert not read(question).details.users_unqualified


def test_a_total_rate_seen_is_no_target(read):
    d = read(
        "we get about 2400 tokens/s total from 32 parallel requests on an L40S with mistral 7b, normal?"
    ).details
    assert d.target_tokens_per_s is None


@pytest.mark.parametrize(
    ("question", "tokens", "requests"),
    [
        ("need 8k tokens/s in total from qwen 14b, how many A100s?", 8000, None),
        ("we must handle 25 requests per second on llama 3 8b", None, 25),
        ("a 30 qps target for phi-3 on L4s", None, 30),
    ],
)
def test_throughput_targets_are_read(read, question, tokens, requests):
    d = read(question).details
    assert d.target_tokens_per_s == tokens
    assert d.target_requests_per_s == requests
    assert d.batch is None and d.context is None


@pytest.mark.parametrize(
    ("question", "per_second"),
    [
        ("our api gets 1,200 requests per minute on qwen2.5 7b, how many gpus?", 20),
        ("is one a100 enough for 600 req/min of gemma 2 9b", 10),
        ("we're at 3k rpm with llama 3 8b, what should we rent?", 50),
    ],
)
def test_a_request_rate_by_the_minute_is_the_same_load_per_second(read, question, per_second):
    assert read(question).details.target_requests_per_s == pytest.approx(per_second)
