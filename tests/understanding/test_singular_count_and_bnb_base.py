"""'I have 2 GPU of 24 GB RTX 4090' is two cards (a count said with the singular noun), and 'LoRA with
BitsAndBytesConfig' is QLoRA (PEFT's recipe: a bitsandbytes-quantized base under the adapters).
Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.sizing import Task


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("we got 4 gpu of 16gb (rtx a4000) for qwen 14b inference", 4),
        ("there are two card with 24gb each, rtx 3090, lora on mistral 7b?", 2),
    ],
)
def test_singular_count(read, question, count):
    assert read(question).details.gpu_count == count


def test_one_named_card_stays_one(read):
    assert read("my rtx 4090 runs out of memory on a lora of llama 13b").details.gpu_count == 1


@pytest.mark.parametrize(
    "question",
    [
        "lora on gemma 2 9b with a BitsAndBytesConfig, will a 12gb 3060 do?",
        "peft lora + bnb_config on mistral 7b keeps OOMing on my t4",
    ],
)
def test_lora_with_a_bitsandbytes_config_is_qlora(read, question):
    assert read(question).details.task is Task.QLORA


def test_lora_alone_stays_lora(read):
    assert read("plain lora on gemma 2 9b, will a 24gb 3090 do?").details.task is Task.LORA
