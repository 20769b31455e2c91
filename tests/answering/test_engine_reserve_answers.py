"""Answers to "how much memory will the server take" and "is there an option to make it take less": the
server's start-up share of the card first (and as the reply's memory figure), then what the model needs; a
yes/no ask for a knob opens with Yes and names it. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest


def test_what_vllm_will_take_is_its_share_of_the_card(ask):
    reply = ask("how much GPU memory is vLLM going to use for Mistral 7B on one L40S?")
    # vLLM's default share (corpus/assumptions.yaml serving_memory_fraction 0.9) of the L40S's 48 GB
    assert reply.memory_gb == pytest.approx(0.9 * 48, abs=0.1)
    first = reply.text.splitlines()[0]
    assert first.startswith("About **43.2 GB**") and "L40S" in first
    assert "--gpu-memory-utilization" in first
    assert re.search(r"Mistral 7B itself needs about \*\*1\d\.\d GB\*\*", first)  # 14.5 GB of weights + KV


def test_on_two_cards_the_reserve_is_each_cards_share(ask):
    reply = ask("How much VRAM does vLLM take for Qwen2.5 14B on two L4s?")
    assert reply.memory_gb == pytest.approx(2 * 0.9 * 24, abs=0.1)
    assert "21.6 GB" in reply.text.splitlines()[0] and "across the 2" in reply.text.splitlines()[0]


def test_the_models_need_stays_the_figure_when_no_server_takes_it(ask):
    reply = ask("how much VRAM does Mistral 7B need to serve with vLLM on one L40S?")
    assert reply.memory_gb < 30  # the need (weights + KV), not the 43.2 GB the server reserves


def test_an_option_asked_for_opens_with_yes_and_the_knob(ask):
    reply = ask(
        "Serving Qwen2.5 0.5B with vllm on an L40S, each instance grabs 43 GB. Is there a setting so it takes less?"
    )
    first = reply.text.splitlines()[0]
    assert first.startswith("**Yes** — `--gpu-memory-utilization`")
    assert "0.9 of each GPU by default" in first


def test_an_option_asked_for_without_a_model(ask):
    reply = ask("Is there a flag that makes SGLang grab less VRAM?")
    assert reply.text.startswith("**Yes** — `--mem-fraction-static`")


def test_a_memory_question_is_not_read_as_pretraining_compute(ask):
    reply = ask("How much GPU memory will vLLM use to serve Llama 3.1 8B on one A100 80GB?")
    assert "GPU-hours" not in reply.text
    assert reply.memory_gb == pytest.approx(72.0, abs=0.1)


def test_an_oom_on_several_gpus_with_no_split_says_split_first(ask):
    reply = ask(
        "text_generation_launcher: Error: ShardCannotStart, CUDA out of memory on GPU 0 (22 GiB total). "
        "The box has 4 L4 cards and the model is a 30B one"
    )
    first = reply.text.splitlines()[0]
    assert first.startswith("**First, split the model across your 4 GPUs:**")
    assert "`--num-shard 4`" in first and "`--tensor-parallel-size 4`" in first


def test_an_oom_with_the_split_already_set_is_not_told_to_split(ask):
    reply = ask("sglang --tp 2 runs out of memory with a 30B model on two L40S, why?")
    assert "First, split" not in reply.text


def test_an_oom_when_the_model_fits_one_card_is_not_told_to_split_first(ask):
    reply = ask("vllm out of memory serving Qwen2.5 1.5B on my 4 A100 80GB")
    assert "First, split" not in reply.text


def test_just_over_the_default_share_of_a_stated_card_fits_with_the_share_raised(ask):
    # Llama 3 70B in int4 (about 43 GB at 4,096 tokens) on "a 46 GB card": over 0.9 x 46 = 41.4 GB, within 0.95 x 46
    reply = ask("Can vLLM serve Llama 3 70B in 4-bit on my single 46GB GPU?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**Yes, with** `--gpu-memory-utilization 0.95`")
    assert "41.4 GB" in first and "43.7 GB" in first


def test_a_share_the_user_set_is_kept_on_a_stated_card(ask):
    reply = ask(
        "Can vLLM serve Llama 3 70B in 4-bit on my single 46GB GPU with --gpu-memory-utilization 0.9?"
    )
    assert reply.text.startswith("**No**")


def test_memory_seen_that_the_reserve_explains_is_the_reserve(ask):
    reply = ask("vLLM grabs 42GB of my L40S for Phi-3 mini, why so much?")
    assert reply.memory_gb == pytest.approx(0.9 * 48, abs=0.1)  # the reserve the 42 GB seen is, not the need


def test_memory_seen_with_no_card_is_the_figure_seen_when_far_over_the_need(ask):
    reply = ask("why does vllm occupy 60GB when serving Phi-3 mini?")
    assert reply.memory_gb == pytest.approx(60, abs=0.1)


def test_no_figure_seen_on_a_named_card_is_the_reserve(ask):
    # what they see on their L40S is vLLM's start-up share (0.9 x 48 GB), which the answer leads with; the
    # model's need is told beside it
    reply = ask("why does vLLM take so much more memory than Phi-3 mini needs on my L40S?")
    assert reply.memory_gb == pytest.approx(0.9 * 48, abs=0.1)
    assert re.search(r"needs about \*\*\d+\.\d GB\*\*", reply.text)


def test_a_reading_the_reserve_explains_is_the_reserve(ask):
    # "reports 21.5G" on a 24 GB card is vLLM's default 0.9 share (21.6 GB), not the 0.5B's ~2 GB need
    reply = ask(
        "Serving Qwen2.5 0.5B with vLLM on an RTX 4090, the monitor reports 21.5G. Am I doing something wrong?"
    )
    assert reply.memory_gb == pytest.approx(0.9 * 24, abs=0.1)
    assert "reserving GPU memory up front" in reply.text.split("\n")[0]


def test_usage_asked_on_several_cards_is_the_reserve_on_all_of_them(ask):
    # what the two cards show is vLLM's share of each (0.9 x 24 GB), not the 8B's need split in two
    reply = ask("How much VRAM will Qwen2.5 7B use in vLLM with tensor parallel 2 on two L4s?")
    assert reply.memory_gb == pytest.approx(2 * 0.9 * 24, abs=0.1)


def test_a_way_to_use_less_keeps_the_need_as_the_figure(ask):
    reply = ask("how do I make vLLM use less memory for Qwen2.5 7B on two L4s?")
    assert reply.memory_gb < 2 * 0.9 * 24
