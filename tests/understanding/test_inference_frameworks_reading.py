"""DeepSpeed's inference products (DeepSpeed-MII, DeepSpeed-Inference, FastGen) run models, they do not train them:
named, they say inference; plain DeepSpeed and its ZeRO stages still say training. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.sizing import Task


@pytest.mark.parametrize(
    "text",
    [
        "hosting Llama 2 13B behind DeepSpeed-MII on one A10G - enough memory?",
        "deepspeed fastgen with mistral 7b on an L4, does it fit?",
        "Qwen2.5 14B via DeepSpeed Inference on two T4s?",
    ],
)
def test_deepspeed_inference_products_say_inference(read, text):
    assert read(text).details.task in (None, Task.INFERENCE)


def test_plain_deepspeed_still_says_training(read):
    assert read("deepspeed with llama 3.1 8b on two 3090s, enough?").details.task is not Task.INFERENCE
