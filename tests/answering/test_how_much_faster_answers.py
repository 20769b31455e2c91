"""'How much faster is A than B?' opens with the ratio — memory bandwidth for generating tokens, dense compute for
training — the one for the use asked first."""

from __future__ import annotations


def test_ratio_first_for_generation(converse):
    first = converse("how much faster is an l40s compared to an a10g when serving llms?").text.splitlines()[0]
    assert first.startswith("The L40S against the A10G: about **") and "for generating tokens" in first, first
    # 864 / 600 GB/s
    assert "**1.4x** for generating tokens" in first


def test_ratio_first_for_training(converse):
    first = converse("how many times quicker would an h100 be than a v100 32gb to train?").text.splitlines()[
        0
    ]
    assert "for training and reading prompts" in first.split(";")[0], first


def test_speedup_asked_as_a_noun(converse):
    first = converse(
        "what's the speed-up going from an a100 80gb sxm to an h200 for inference?"
    ).text.splitlines()[0]
    assert first.startswith("The H200 against the A100 80GB SXM: about **2.4x** for generating tokens"), first
