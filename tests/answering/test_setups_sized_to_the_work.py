"""Setups weighed for a workload: a plural card with no count is sized to the count the work needs, and a setup
that does not hold the work as sized gets the smaller format it holds it in, or the share of the users it holds.
Real components; phrasings in no evaluation set."""

from __future__ import annotations


def test_rented_cards_without_a_count_are_counted_for_the_work(ask):
    # Mixtral 8x22B (141B) in bf16 is about 284 GB: four 80 GB cards, not one
    reply = ask("for mixtral 8x22b inference, four L40S or some A100s?")
    first = reply.text.split("\n")[0]
    assert first.startswith("**4 x A100 80GB SXM")
    assert "In fp8 4 x L40S" in first  # the other setup, in the format it holds the model in


def test_the_setup_that_misses_says_the_smaller_format_it_holds(ask):
    # a 70B in bf16 (about 143 GB) overflows one H200; in fp8 (about 75 GB) one H200 holds it
    reply = ask("for a 70b model, a pair of A100 80GB or a single H200, which?")
    first = reply.text.split("\n")[0]
    assert "In fp8 one H200" in first


def test_a_setup_short_of_every_user_says_how_many_it_holds(ask):
    reply = ask("qwen2.5 72b for 60 staff at once: two L40S or H100s on demand?")
    first = reply.text.split("\n")[0]
    assert "of the 60 users" in first


def test_the_setup_holding_both_formats_is_named_once(ask):
    # 4 x A100 40GB holds a 70B in int8 (2 x RTX 6000 Ada does not) and is the faster of the two in int4
    reply = ask("llama 3.1 70b for 30 people: four A100 40GB or two RTX 6000 Ada, which setup?")
    lead = reply.text.split(" — ")[0]
    assert lead.count("A100 40GB") == 1
