"""An hourly rental budget with the biggest model asked ('$2/hour, what's the largest LLM I can host?') reads as
what runs, within that rate — not a price list. Phrasings in no evaluation set."""

from __future__ import annotations

from assistant.understanding import Intent


def test_an_hourly_rate_and_the_biggest_model_asked_is_read_as_what_runs(read):
    u = read("got 2.5 bucks/hr to spend - what's the largest llm i could host?")
    assert u.intent is Intent.MY_HARDWARE and u.details.budget_per_hour == 2.5
