"""torchtune's single-device full fine-tune is read as the recipe it is (bf16 weights, a paged AdamW, the optimizer
step in the backward), whether the recipe, one of its configs or the words 'single device' are said. Phrasings here
are in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "tune run full_finetune_single_device --config qwen2_5/3B_full_single_device on an RTX 3090, enough?",
        "does the mistral 7B_full_low_memory config of torchtune fit in 24 GB?",
        "torchtune full fine-tune of llama 3.1 8b on a single device, which GPU?",
        "Single-device full finetuning with torchtune for gemma 2b: how much VRAM?",
    ],
)
def test_the_single_device_recipe_is_read_as_its_optimizer(read, question):
    assert read(question).details.optimizer == "paged_inbwd"


@pytest.mark.parametrize(
    ("question", "optimizer"),
    [
        ("torchtune full_finetune_distributed of llama 3 70b on 8x H100", None),
        ("full fine-tune of llama 3 8b with paged_adamw_8bit on 2 A100s", "adam8bit"),
        ("single device full fine-tune of a 1B model with the HF Trainer", None),
    ],
)
def test_other_runs_keep_their_own_optimizer(read, question, optimizer):
    assert read(question).details.optimizer == optimizer
