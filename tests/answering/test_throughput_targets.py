"""A throughput target for a whole deployment ("3k tokens/s in total", "40 requests per second") is answered
with how many GPUs reach it — copies of the model at full load behind a load balancer — not read as sequences held
at once or as one user's speed. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re


def _first(reply) -> str:
    return reply.text.splitlines()[0]


def test_a_request_rate_is_sized_as_generated_tokens_per_second(ask):
    reply = ask("how many A10G do we need to answer 40 requests per second with gemma 2 9b?")
    first = _first(reply)
    # 40 requests/s x 338 output tokens (corpus/assumptions.yaml output_tokens_per_request)
    assert "13,520 generated tokens/s" in first
    m = re.match(r"\*\*(\d+) x A10G\*\*", first)
    assert m and int(m.group(1)) > 1
    copies = re.search(
        r"(\d+) copies of the model behind a load balancer give about ([\d,]+) tokens/s", first
    )
    assert copies and int(copies.group(2).replace(",", "")) >= 13_520


def test_a_total_token_rate_is_not_read_as_a_context(ask):
    reply = ask("target is 2k tok/s aggregate for phi-3 mini, which GPUs and how many?")
    first = _first(reply)
    assert "about 2,000 generated tokens/s" in first
    assert "2,048 tokens" not in reply.text and "2,000 tokens of context" not in reply.text


def test_a_named_count_gets_a_verdict_against_the_rate(ask):
    reply = ask("would 2 L40S be enough for 60 rps on llama 3 8b?")
    first = _first(reply)
    assert first.startswith(("**Yes**", "**No**"))
    assert "20,280 generated tokens/s" in first  # 60 x 338


def test_a_request_rate_by_the_minute_is_sized_like_the_same_rate_per_second(ask):
    # 2,400 requests a minute is 40 a second: 40 x 338 output tokens, as above
    first = _first(ask("we expect 2,400 requests per minute on gemma 2 9b, how many A10G?"))
    assert "13,520 generated tokens/s" in first
    assert re.match(r"\*\*\d+ x A10G\*\*", first)
