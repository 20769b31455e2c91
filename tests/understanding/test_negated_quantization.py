"""A format the user rules out is not the one sized: "without quantization", "no peft and no quantisation" leave
a 16-bit full fine-tune, and quantization said *not* to be used for serving ("no quantization flags", "not
quantized") means the 16-bit checkpoint as it ships, while a format asked for still counts. Phrasings here are in
no evaluation set."""

from __future__ import annotations

import pytest

from assistant.sizing import Task


@pytest.mark.parametrize(
    "question",
    [
        "I want to fine-tune mistral 7b without quantization, plain adamw, what card?",
        "finetuning qwen2 7b with no PEFT and no quantisation blows up my 48gb card, why",
        "we train llama 3 8b without any lora or quantization on h100s, how much memory",
    ],
)
def test_a_ruled_out_quantization_leaves_a_16_bit_full_fine_tune(read, question):
    details = read(question).details
    assert details.task is Task.FULL
    assert details.precision not in ("int4", "nf4", "int8")


@pytest.mark.parametrize(
    "question",
    [
        "fine-tune mistral 7b with 4-bit quantization on a 12gb card, ok?",
        "can I finetune qwen2 7b quantized on a T4",
    ],
)
def test_a_quantization_asked_for_is_still_a_qlora(read, question):
    assert read(question).details.task is Task.QLORA


def test_a_one_letter_family_names_no_unknown_model(read):
    # T5's family starts with the single letter "t": "isn't 32 GB enough" is no model called "T 32"
    understanding = read("ollama runs llama4 on my cpu, not the gpu", "isn't 48 GB of RAM enough for it?")
    assert understanding.details.unknown_model is None


@pytest.mark.parametrize(
    "question",
    [
        "serving Gemma 2 27B with sglang on one L40S, no quantization",
        "can vllm host mistral nemo 12b without any quantization on a 24gb gpu?",
        "our Qwen2.5 14B has not been quantized, will TGI fit it on an A10G?",
    ],
)
def test_quantization_said_not_to_be_used_reads_as_16_bit(read, question):
    assert read(question).details.precision == "fp16"


def test_quantization_named_still_reads_as_4_bit(read):
    assert (
        read("serving Gemma 2 27B with sglang on one L40S with AWQ quantization").details.precision == "int4"
    )
