"""Reading a request rate asked for ("how many requests per second can it take?") and the reply length said ("300
token replies"), apart from a rate said as a target ("100 requests per second"). Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "per", "output"),
    [
        ("how many requests per second will one l40s sustain on mistral 7b?", "second", None),
        ("roughly how many chat requests a minute can an a10g take for llama 3.2 3b", "minute", None),
        ("what rps should we expect from an h100 on qwen2.5 14b with 300 token replies", "second", 300),
        ("how many req/s on a 4090 for phi-3 mini, responses of about 1k tokens?", "second", 1000),
        # the thing counted is what users send ("chats", "conversations"), and the length said as a sentence
        (
            "how many conversations per minute does one a100 handle for gemma 2 9b if answers are ~400 tokens",
            "minute",
            400,
        ),
        (
            "how many messages a second could two l4s push on qwen2.5 7b, each reply is around 150 tokens?",
            "second",
            150,
        ),
    ],
)
def test_a_rate_asked_is_read_with_its_unit_and_reply_length(read, question, per, output):
    details = read(question).details
    assert details.rate_asked_per == per
    assert details.output_tokens == output


def test_a_rate_said_as_a_target_is_not_a_rate_asked(read):
    details = read("we need 40 requests per second for llama 3 8b, how many L4s?").details
    assert details.rate_asked_per is None
    assert details.target_requests_per_s == 40


def test_output_tokens_in_the_hundreds_of_thousands_are_a_volume_not_a_reply_length(read):
    assert read("what do 500k output tokens of phi-3 mini cost on an l4?").details.tokens == 500_000
    details = read("how many requests per second on an l4 for phi-3 mini with 2k output tokens each?").details
    assert details.tokens is None and details.output_tokens == 2000
