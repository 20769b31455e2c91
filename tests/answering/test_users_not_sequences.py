"""A head count of users is not a count of sequences in flight: "can one H100 serve it to 200 users?" opens with a
conditional Yes and the number of concurrent sequences the GPUs hold, instead of sizing every user's KV cache at
once; "200 concurrent users" keeps the all-at-once sizing. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_a_head_count_gets_a_conditional_yes_with_the_concurrency_it_holds(ask):
    reply = ask("Could a single L40S run mistral 7b for our 120 staff?")
    first = reply.text.splitlines()[0]
    m = re.match(r"\*\*Yes\*\*, as long as no more than about (\d+) of the 120 users", first)
    assert m, first
    at_once = int(m.group(1))
    assert 1 <= at_once < 120
    assert f"about {at_once} sequences of 4,096 tokens" in first
    assert "All 120 at once" in first


def test_concurrent_users_keep_the_all_at_once_verdict(ask):
    reply = ask("Could a single L40S run mistral 7b for 120 simultaneous users?")
    assert reply.text.startswith("**No**")


def test_a_how_many_question_says_the_sizing_counts_everyone_at_once(ask):
    reply = ask("how many A100 40GB cards to serve llama 3 8b to 150 users?")
    lines = [line for line in reply.text.splitlines() if line.strip()]
    assert any(line.startswith("That counts all 150 users' requests at once") for line in lines[:3])
