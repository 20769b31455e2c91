"""Work on a model's files is read as its own job — converting, quantizing, merging an adapter — when that work is
what fails or what the memory is asked for; running a quantized model is not such a job. Phrasings in no
evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._weights_job import job_ram_gb, read_weights_job, wants_f32


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("python convert_hf_to_gguf.py on qwen 14b gets killed after a minute, 24gb ram", "convert"),
        ("mlx_lm.convert of llama 3 8b crashes with out of memory on my 8gb air", "convert"),
        ("how much ram do i need to convert a 34b checkpoint to gguf?", "convert"),
        ("merge_and_unload on my 13b qlora runs out of vram, what now", "merge"),
        ("merging the lora adapter into mistral 7b fails with oom on a 12gb card", "merge"),
        ("how much memory is required to quantize a 70b with llama-quantize?", "quantize"),
        ("my 3060 can't quant a 14b model to exl2, it dies at the measurement pass", "quantize"),
    ],
)
def test_the_job_is_read(text, kind):
    assert read_weights_job(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "do i need to quantize llama 70b to run it on two 3090s?",  # a remedy for running it
        "if i quantize mixtral to 4-bit how much vram will it use?",  # the result's memory
        "can i run a quantized 13b on a 4060?",  # an adjective, no job
        "voice conversion model runs out of memory on 6gb",  # not a model's files
        "converting the conversation history to tokens is slow",  # no memory asked or failing
        "the 7b gguf runs at 20 tokens/s, is that normal?",
    ],
)
def test_no_job_is_read(text):
    assert read_weights_job(text) is None


def test_the_ram_said_beside_the_job_is_read():
    assert job_ram_gb("convert fails. ram: 24g, 4090") == 24
    assert job_ram_gb("my box has 64 gb of system memory") == 64
    assert job_ram_gb("convert fails on my 4090") is None


def test_32_bit_output_is_read_unless_a_16_bit_one_is_named_too():
    assert wants_f32("converting to f32 gets killed")
    assert not wants_f32("f32 gets killed but f16 converts fine")
    assert not wants_f32("convert to q8_0")


def test_the_job_reaches_the_details(read):
    details = read("Converting Llama 3 8B to GGUF gets killed, I only have 16GB RAM").details
    assert details.weights_job == "convert"
    assert details.job_ram_gb == 16


def test_a_job_only_mentioned_beside_a_training_question_is_not_read(read):
    question = (
        "How much VRAM do I need to QLoRA fine-tune Llama 3 8B with a 4k context and batch size 4 on a single "
        "card, using gradient checkpointing and the paged 8-bit optimizer from bitsandbytes? Later on I plan to "
        "merge the adapter and upload it."
    )
    assert read(question).details.weights_job is None


def test_whether_the_job_can_be_done_is_the_job():
    assert (
        read_weights_job("want to convert qwen2.5 32b to gguf on a 16gb box, is that even possible?")
        == "convert"
    )
    assert read_weights_job("could i quantize a 13b to q4 with 8 gb of ram") == "quantize"
