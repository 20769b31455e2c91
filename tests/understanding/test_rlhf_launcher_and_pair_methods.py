"""A launcher called "rlhf" (ms-swift's `swift rlhf`, OpenRLHF) trains whatever method it is told: the named
method is the run, and "RLHF" alone stays the PPO recipe. ORPO / SimPO / CPO train on preference pairs with no
reference model. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "method"),
    [
        ("swift rlhf --rlhf_type grpo on Qwen2.5 7B with lora, how much memory?", "grpo"),
        ("rlhf stage with RLOO for a 3B model on one L4?", "grpo"),
        ("swift rlhf --rlhf_type dpo, llama 3 8b full finetune, 4x A100 enough?", None),
        ("RLHF training of a 13B chat model, how many H100s", "ppo"),
        ("rlhf with ORPO for mistral 7b on a 4090", None),
    ],
)
def test_the_named_method_wins_over_the_rlhf_launcher(read, question, method):
    assert read(question).details.rl == method


@pytest.mark.parametrize(
    ("question", "method"),
    [
        ("ORPO fine-tune of llama 3 8B on a single A6000?", "ORPO"),
        ("simpo training gemma 2 9b, vram needed", "SimPO"),
        ("how much gpu memory does CPO need for a 7B model", "CPO"),
    ],
)
def test_reference_free_pair_methods_are_paired_without_a_reference(read, question, method):
    details = read(question).details
    assert details.preference
    assert details.pair_method == method


def test_dpo_keeps_its_reference(read):
    details = read("DPO full fine-tune of qwen2.5 7b on 8x H100").details
    assert details.preference
    assert details.pair_method is None


@pytest.mark.parametrize(
    ("question", "no_reference"),
    [
        ("full grpo of qwen2.5 1.5b with beta=0.0 on one A100 40GB?", True),
        ("GRPO full finetune, kl_coef 0, llama 3.2 3b, how much memory", True),
        ("GRPO without a KL penalty on a 7b, full params, 2x H100 ok?", True),
        ("grpo full finetune qwen 7b, beta 0.04, on 4 h100", False),
        ("grpo with beta=0.001 on qwen2.5 7b", False),
    ],
)
def test_a_zero_kl_coefficient_loads_no_reference(read, question, no_reference):
    assert read(question).details.rl_no_reference is no_reference
