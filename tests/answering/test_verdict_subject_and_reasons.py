"""A yes/no after a comparison is about the card its verb names ("A vs B for this — is B worth it?"), and "why is A
faster than B?" asks for the size and cause of the gap, not a Yes. Real components; phrasings in no evaluation set."""

from __future__ import annotations


def test_the_card_after_the_verb_is_the_subject(converse):
    reply = converse("l40s vs h100 for a qlora of qwen2.5 14b — is the h100 worth paying more for?")
    first = reply.text.splitlines()[0]
    # the H100 trains about 2.7x faster for well under 2.7x the hourly price: the run costs less on it
    assert first.startswith("**Yes**")


def test_why_faster_gets_the_ratios_not_a_yes(converse):
    reply = converse("why are h200s so much quicker than a100s at generating text?")
    first = reply.text.splitlines()[0]
    assert not first.startswith(("**Yes**", "**No**"))
    assert "for generating tokens (bound by memory bandwidth" in first


def test_how_come_slower_gets_the_ratios(converse):
    reply = converse("how come a 3060 is slower than a 4070 for stable diffusion?")
    assert not reply.text.startswith(("**Yes**", "**No**"))
