"""A training method named only to be ruled out ("full fine-tune (not LoRA)", "without a LoRA") does not count as the
method asked: the full fine-tuning settings on record answer, not the adapter's. Phrasings in no evaluation set."""

from __future__ import annotations

import uuid

import pytest

from assistant.answering._compose._non_llm import _method_asked


@pytest.mark.parametrize(
    ("question", "method"),
    [
        ("full fine-tune of sdxl, not a lora, on 24 gb?", "full"),
        ("training every weight of the unet without LoRA, full finetuning, how much vram?", "full"),
        ("non-lora full training of flux, what card?", "full"),
        ("sdxl lora training on a 3060?", "lora"),
        ("lora or full fine-tuning for sdxl on 24gb?", None),
    ],
)
def test_a_ruled_out_adapter_is_not_the_method_asked(question, method):
    assert _method_asked(question) == method


def test_a_full_fine_tune_that_rules_out_lora_gets_the_full_fine_tuning_row(assistant):
    reply = assistant.ask(
        "Did anybody get full SDXL finetuning working on a 24 GB 3090, not LoRA?",
        conversation_id=f"ruled-out-{uuid.uuid4().hex}",
    )
    first = reply.text.split("\n")[0]
    assert "full UNet fine-tune" in first and "sdxl_train_network" not in first, first
    # kohya's documented full fine-tune recipe for 24 GB (sdxl_train.py, Adafactor) is the setting that fits
    assert "sdxl_train.py" in first and reply.memory_gb == 24
