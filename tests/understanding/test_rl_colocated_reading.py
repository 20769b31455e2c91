"""An RL fine-tune whose vLLM runs inside the training GPUs is read as colocated: TRL's vllm_mode="colocate",
"colocated vLLM", Unsloth's fast_inference=True. Phrasings of our own, in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import understand


@pytest.mark.parametrize(
    "question",
    [
        "grpo of qwen2.5 3b with vllm_mode='colocate' on an L40S, enough memory?",
        "reasoning RL with GRPO, colocated vLLM at gpu_memory_utilization 0.4, llama 3.2 3b on one 4090: fits?",
        "unsloth GRPO on llama 3.1 8b with fast_inference = True on a 24GB card, will it fit?",
    ],
)
def test_colocated_generation_is_read(question, catalog, models):
    details = understand(question, catalog, models).details
    assert details.rl == "grpo" and details.rl_colocated


def test_a_plain_grpo_question_is_not_colocated(catalog, models):
    details = understand("grpo of qwen2.5 3b on an L40S, enough memory?", catalog, models).details
    assert not details.rl_colocated


def test_vllm_rollouts_are_read(catalog, models):
    details = understand(
        "grpo on qwen2.5 3b with use_vllm on two A10G, why the OOM?", catalog, models
    ).details
    assert details.rl_vllm and not details.rl_colocated


@pytest.mark.parametrize(
    "question",
    [
        "GRPO on Llama 3.2 1B without vLLM (plain HF generate) on one A10G, enough memory?",
        "ppo of qwen2.5 1.5b with use_vllm=False on a 4090: does it fit?",
    ],
)
def test_vllm_said_off_is_not_read_as_vllm_rollouts(question, catalog, models):
    details = understand(question, catalog, models).details
    assert details.rl and not details.rl_vllm
