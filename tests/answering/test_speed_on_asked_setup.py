"""A speed asked of a setup that does not hold the model as sized answers for that setup where it can: started with a
raised memory share when it is just over the default one, or in the leaner format it does hold — not only on a
bigger setup. Phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_just_over_the_default_share_the_speed_is_on_the_setup_asked_with_the_raised_share(ask):
    first = ask("what generation speed would qwen2.5 72b reach on two h100s under vllm?").text.split("\n")[0]
    assert first.startswith("On 2 x H100 SXM")
    assert "`--gpu-memory-utilization 0.95`" in first and "tokens/s" in first


def test_a_bigger_setup_named_for_the_format_asked_also_gives_the_leaner_format_on_the_setup_asked(ask):
    first = ask("tokens per second for llama 3.1 405b across 8 h100s?").text.split("\n")[0]
    assert first.startswith("On 8 x H100 SXM it does not fit") and "more than 8 x H100 SXM hold" in first
    assert re.search(r"in FP8 it fits 8 x H100 SXM: about \*\*\d+ tokens/s\*\*", first)
    assert "In bf16 it takes 16 of them" in first  # the bigger setup follows the one asked


def test_one_card_asked_leads_with_the_format_that_card_holds(ask):
    first = ask("what decode rate would deepseek-r1-distill-llama-70b get on one h200?").text.split("\n")[0]
    assert first.startswith("On one H200 it does not fit as sized")
    speeds = re.findall(r"\*\*(\d+) tokens/s\*\*", first)
    assert len(speeds) == 2 and first.index("it fits one H200") < first.index("it takes")


def test_a_format_said_that_the_card_cannot_hold_is_a_no_first(ask):
    first = ask("fp16 mistral large 2 on a single mi300x, tokens per sec?").text.split("\n")[0]
    assert first.startswith("**No** in the format asked — on one MI300X it does not fit")


def test_a_speed_seen_on_a_card_the_model_only_just_fills_is_judged_on_that_card(ask):
    # Llama 2 70B in int8 (~74 GB) fills more than vLLM's default share of an 80 GB card, yet it runs there
    first = ask("getting 19 tokens/s from llama 2 70b int8 on my single a100 80gb - expected?").text.split(
        "\n"
    )[0]
    assert first.startswith("**Yes** — 19 tokens/s is in line")
    assert "1x A100 80GB SXM" in first


def test_a_card_that_holds_the_model_beats_one_it_spills_out_of(ask):
    # Qwen2.5 72B in 4-bit (~46 GB) fits a 64 GB Mac's GPU share, not a 24 GB card
    first = ask("would an rtx 3090 be quicker than an m2 ultra 64gb for qwen2.5 72b?").text.split("\n")[0]
    assert first.startswith("**No**") and "holds it on one card" in first
