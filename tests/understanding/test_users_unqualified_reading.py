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
