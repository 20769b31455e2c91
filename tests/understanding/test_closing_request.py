"""A post that sets out a problem and closes with a bare plea ("Can you help me, please?", "could you advise?") asks
for help, not whether the assistant can help: it is a yes/no only when something before the plea asks one.
Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "Full fine-tuning Qwen2.5 7B on 4 L40S with FSDP still runs out of memory at batch 1. Could you help me?",
        "Training a LoRA on Llama 3 8B keeps crashing on my 4090 with CUDA OOM. Can you please advise? [axolotl]",
        "I tried serving Mistral 7B with vLLM on an A10G and it fails at start-up. Can you help, pls?",
    ],
)
def test_a_closing_plea_after_a_reported_problem_is_no_yes_no(read, question):
    assert not read(question).details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "Is it possible to fine-tune Llama 3 8B on a 3060 12GB? Can you help me?",
        "I have two 3090s. Can you tell me if Llama 3 70B in 4-bit fits on them?",
        "My 4070 has 12GB. Will Qwen2.5 14B in 4-bit run on it? Could you help me?",
    ],
)
def test_a_yes_no_before_or_inside_the_plea_still_counts(read, question):
    assert read(question).details.yes_no
