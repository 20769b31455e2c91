"""A request rate asked for leads with the rate the setup sustains at full load (its total generated tokens/s over
the reply length), on the GPUs named — in a smaller format, said so, when the one asked does not fit them. Real
components; phrasings in no evaluation set."""

from __future__ import annotations

import re


def _rate(text: str) -> float:
    return float(re.search(r"\*\*([\d,.]+) requests per", text).group(1).replace(",", ""))


def test_the_rate_leads_and_follows_the_reply_length(converse):
    short = converse(
        "how many requests per second will one l40s sustain on mistral 7b with 200 token replies?"
    )
    long = converse(
        "how many requests per second will one l40s sustain on mistral 7b with 800 token replies?"
    )
    assert short.text.startswith("About **") and "requests per second** on 1x L40S" in short.text
    assert "200 generated tokens per request" in short.text
    # the same full-load throughput spread over four times the tokens per request: far fewer requests
    assert _rate(long.text) < _rate(short.text) / 2


def test_a_rate_per_minute_is_sixty_times_the_rate_per_second(converse):
    per_s = converse("how many requests per second can an a10g take for llama 3.2 3b?")
    per_min = converse("how many requests a minute can an a10g take for llama 3.2 3b?")
    assert "requests per minute" in per_min.text.splitlines()[0]
    assert abs(_rate(per_min.text) / 60 - _rate(per_s.text)) / _rate(per_s.text) < 0.1
    assert "say your reply length" in per_s.text  # the reply length was assumed, and it says so


def test_a_format_that_fits_their_cards_is_said_first(converse):
    reply = converse("how many requests per second could 2x l40s handle for llama 3.1 70b?")
    first = reply.text.splitlines()[0]
    assert first.startswith("In bf16, Llama 3.1 70B does not fit on 2 x L40S")
    assert "on 2x L40S" in first
