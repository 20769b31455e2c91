"""'Can I just use fp16?' after a training run asks about a setting of that run, not about only running the model:
the training task stays; 'I only need to use it now' still means running it. Phrasings here are in no evaluation
set."""

from __future__ import annotations

import pytest

from assistant.sizing import Task


@pytest.mark.parametrize(
    ("question", "task"),
    [
        (
            "LoRA fine-tuning Phi-3 mini on Kaggle crashes with a bf16 error. Could I just use fp16 there?",
            Task.LORA,
        ),
        ("Full fine-tune of Qwen2.5 3B OOMs on my 4090, can I just use 8-bit adam?", Task.FULL),
        (
            "qlora training of mistral 7b, should I only use gradient checkpointing or also a smaller batch?",
            Task.QLORA,
        ),
    ],
)
def test_a_setting_asked_keeps_the_training_task(read, question, task):
    assert read(question).details.task is task


def test_only_using_the_model_is_still_inference(read):
    assert (
        read("fine-tuned mistral 7b last week, I only need to use it now for chat").details.task
        is Task.INFERENCE
    )
