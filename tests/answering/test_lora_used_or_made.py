"""A LoRA that is used (loaded on its base model to generate) is inference; one that is made, or a trainer named,
is training (phrasings of our own, in no evaluation set)."""

from __future__ import annotations

import pytest

from assistant.answering._compose._non_llm import TRAINING


@pytest.mark.parametrize(
    "text",
    [
        "is 12gb enough to use this anime lora with sdxl?",
        "flux dev with two loras loaded on a 16gb card",
        "does applying a style lora slow generation down?",
    ],
)
def test_a_lora_used_is_not_training(text):
    assert TRAINING.search(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "sdxl lora on 8gb possible?",
        "making a couple of sdxl loras to use in fooocus, out of memory",
        "can i use kohya for a flux lora on my 3060",
        "fine-tune sdxl, then use the lora",
        "my sdxl lora run on a 10gb card is slow",
    ],
)
def test_a_lora_made_or_trained_is_training(text):
    assert TRAINING.search(text) is not None
