"""The optimizer and the reference-model preference method a question names are read as said: Adafactor is its
own optimizer (not AdamW), and KTO / IPO are named as themselves, not as DPO. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "full finetune of mistral 7b with the adafactor optimiser, how much memory",
        "optim=adafactor, all weights trainable, qwen2.5 3b — which gpu?",
        "would Ada-factor instead of adam let me full-tune gemma 2 2b on a 4090",
    ],
)
def test_adafactor_is_its_own_optimizer(read, question):
    assert read(question).details.optimizer == "adafactor"


@pytest.mark.parametrize(
    ("question", "method"),
    [
        ("kto trainer on llama 3.1 8b with thumbs-up/down data, vram?", "KTO"),
        ("IPO with lora on phi-3 mini, how much memory", "IPO"),
        ("direct preference optimization of qwen2.5 1.5b on a T4?", "DPO"),
    ],
)
def test_the_reference_model_method_is_named_as_said(read, question, method):
    details = read(question).details
    assert details.preference
    assert details.preference_method == method
    assert details.pair_method is None


def test_sft_names_no_preference_method(read):
    assert read("sft of llama 3.2 1b on my 3060, fits?").details.preference_method is None


@pytest.mark.parametrize(
    "question",
    ["kto gemma 2 9b full on 4x h100, fits?", "grpo qwen2.5 3b full — one a100 80gb enough?"],
)
def test_full_said_after_the_model_of_a_trainer_is_the_method(read, question):
    details = read(question).details
    assert details.task.value == "full"
    assert not details.method_unstated


def test_full_context_after_a_trainer_is_no_method(read):
    assert read("sft mistral 7b at full context length, memory?").details.method_unstated


def test_full_before_a_length_keeps_the_adapter_method_said(read):
    assert read("training mistral 7b on full 32k windows with qlora, one h100?").details.task.value == "qlora"


def test_full_weight_tuning_is_a_full_fine_tune(read):
    details = read("full-weight tuning of phi-3 mini, how many gb?").details
    assert details.task.value == "full"
    assert not details.method_unstated
