"""Which fine-tuning method a question asks about when it names two, and the 8-bit base of an adapter run.

A method named as the fallback ("... or should I settle with QLoRA?") is not the one asked about; a method
switched to ("can I do LoRA instead?") is. "QLoRA 8-bit" (LLaMA-Factory's quantization_bit: 8) and an "8 bit
lora on <model>" are LoRA on a bitsandbytes int8 base, an 8-bit optimizer is not. Typed "RXT" is the RTX line.
Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.sizing import Task


@pytest.mark.parametrize(
    ("question", "task"),
    [
        ("will a full finetune of phi 3 mini squeeze into a kaggle P100 or do i need to go lora?", Task.FULL),
        ("Full fine-tune gemma 2b on my 3060 12GB, or should we just settle for a QLoRA?", Task.FULL),
        ("could I train all the params of qwen2.5 1.5b on a T4 or must I fall back to lora", Task.FULL),
        ("LoRA on mistral 7b with one 4090, or a qlora instead?", Task.LORA),
        ("been doing qlora on llama 3 8b but quality is meh, can i do lora instead on an a6000?", Task.LORA),
        (
            "qlora runs fine on my 3090 for a 7b; if I switch to full fine-tuning will it fit on two of them?",
            Task.FULL,
        ),
    ],
)
def test_the_method_asked_about_not_the_fallback(read, question, task):
    assert read(question).details.task is task


@pytest.mark.parametrize(
    "question",
    [
        "is it possible to qlora 8-bit a 70b on 2x a6000?",
        "QLoRA with quantization_bit: 8 on qwen2 72b, 4x L40S enough?",
        "how much vram for an 8 bit lora on llama 3 8b",
        "lora of llama 2 13b with load_in_8bit, will one 3090 do?",
        # the 8-bit said beside the method wins over a 4-bit quoted from an error message
        "qlora 8bit on qwen 72b across 4 L40S fails with 'only 4-bit quantized model can use fsdp', any way round?",
    ],
)
def test_an_8bit_base_under_the_adapters_is_lora_on_int8(read, question):
    details = read(question).details
    assert (details.task, details.precision) == (Task.LORA, "int8")


@pytest.mark.parametrize(
    "question",
    [
        "qlora of llama 3 8b with paged_adamw_8bit on a 3060 12gb?",
        "4-bit qlora of mistral 7b with an 8-bit adam optimizer, fits 8 GB?",
        "4-bit qlora of gemma 7b, or would 8-bit be better on a 24gb card?",
    ],
)
def test_an_8bit_optimizer_keeps_qlora_4bit(read, question):
    assert read(question).details.task is Task.QLORA


def test_rxt_is_the_rtx_line_and_keeps_the_count(read):
    details = read("can i do full finetuning of mistral 7b on my 2 rxt 3090s?").details
    assert details.gpus == ("RTX 3090",)
    assert details.gpu_count == 2


def test_a_notebook_runtime_memory_said_beside_it(read):
    details = read("any trick to full fine-tune a 3b model in google colab (~15 GB memory)?").details
    assert details.stated_memory_gb == 15
