"""'Would Q8 be faster than Q4?' on a run of one's own: generation reads every weight once per token, so the
bigger format is slower on a bandwidth-bound run, and the answer says so with each format's size."""

from __future__ import annotations


def test_a_bigger_format_is_slower_on_a_cpu(converse):
    reply = converse(
        "Phi-4 runs at 3 tokens/s in Q4_K_M on my laptop CPU with 32 GB of RAM. Is Q6_K going to be faster?"
    )
    first = reply.text.split("\n")[0]
    assert first.startswith("**No** — slower"), first
    assert "Q6_K" in first and "Q4_K_M" in first and "From your 3 tokens/s" in first


def test_a_smaller_format_is_faster_on_a_home_card(converse):
    first = converse("would gemma 2 9b in 4-bit be quicker than in 8-bit on my RTX 4060?").text.split("\n")[0]
    assert first.startswith("**Yes** — faster"), first


def test_one_format_said_is_no_format_comparison(converse):
    first = converse("Would Mistral 7B Q4_K_M run faster on my RTX 3060 12GB?").text.split("\n")[0]
    assert "slower, not faster" not in first and "bytes per token" not in first, first
