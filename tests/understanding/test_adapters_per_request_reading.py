"""A LoRA adapter chosen per request, user or tenant is served (multi-LoRA), not trained, even when the requests
come in a batch ("a batch of 8, each request with its own adapter" once read as a LoRA fine-tune at batch 8); a
training word still makes it training. Phrasings of our own, in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "adapters"),
    [
        (
            "rough vram for qwen2.5 7b on an A100 with a batch of 8 where every request carries its own lora?",
            8,
        ),
        ("mistral 7b, one adapter per tenant, about 30 tenants, on an L40S: memory?", 30),
        ("vllm serve llama 3 8b --enable-lora --max-loras 4 on a 4090, how much memory?", 4),
    ],
)
def test_adapters_picked_per_request_are_served(read, question, adapters):
    details = read(question).details
    assert details.task.value == "inference"
    assert details.lora_adapters >= min(adapters, 1)


def test_each_request_bringing_its_own_adapter_counts_one_per_request(read):
    details = read(
        "batch of 12 requests on llama 3 8b, each request with its own lora adapter: vram on an L4?"
    ).details
    assert details.lora_adapters == 12


def test_a_training_word_keeps_it_training(read):
    details = read(
        "fine-tune llama 3 8b with lora at batch 8, each customer gets their own adapter trained"
    ).details
    assert details.task.value != "inference"
