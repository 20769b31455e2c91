"""A token volume over a period ('1 billion tokens a day', '300M tokens per month') is a throughput target, the
volume spread evenly over the period's seconds. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "rate"),
    [
        ("what hardware for 2 billion tokens a day on llama 3.1 8b?", 2e9 / 86400),
        ("we push 300M tokens per month through qwen2.5 14b, which GPUs?", 300e6 / (730 * 3600)),
        ("mistral 7b at 50k tokens an hour, one L4 enough?", 50e3 / 3600),
    ],
)
def test_a_volume_over_a_period_becomes_tokens_per_second(read, question, rate):
    assert read(question).details.target_tokens_per_s == pytest.approx(rate, rel=0.01)


def test_a_context_length_is_no_volume(read):
    assert read("llama 3 8b with 8k tokens of context on a 4090").details.target_tokens_per_s is None


def test_a_volume_weighed_against_an_api_is_left_to_the_bill(read):
    assert read("at 5M tokens a day, is an api cheaper than our own L4?").details.target_tokens_per_s is None
