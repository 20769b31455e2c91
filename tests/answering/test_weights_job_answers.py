"""Converting, quantizing or merging a model on one's own machine: the answer sizes the job (the full-precision
weights, not the file it writes) against the machine's memory, and says what to do when it falls short.
Phrasings in no evaluation set; figures are the catalog's parameter counts x 2 bytes."""

from __future__ import annotations

import re

import pytest


def test_a_conversion_that_does_not_fit_the_ram_is_a_no_with_the_16_bit_figure(converse):
    reply = converse(
        "Can I convert Llama 3 70B to GGUF on my PC with 64GB RAM? convert_hf_to_gguf keeps getting killed"
    )
    assert reply.text.startswith("**No**")
    assert reply.memory_gb == pytest.approx(141.1, abs=1)  # 70.55B x 2 bytes
    assert re.search(r"swap", reply.text + reply.details, re.I)
    assert re.search(r"use-temp-file|lazily", reply.text + reply.details)


def test_a_conversion_that_fits_is_a_yes_whatever_the_result_needs_to_run(converse):
    reply = converse("Is 64 GB of RAM enough to convert Mistral 7B to GGUF? The process got killed once")
    assert reply.text.startswith("**Yes**")
    assert 13 <= reply.memory_gb <= 16


def test_asked_whether_more_memory_is_needed_a_fit_is_a_no(converse):
    reply = converse(
        "The MLX converter gets killed converting Llama 3 70B on my M2 Ultra 192GB. Do I need more than 192GB?"
    )
    assert reply.text.startswith("**No**")
    assert "enough" in reply.text.split("\n")[0]


def test_llama_cpp_quantizing_needs_little_memory_and_the_run_figure_leads(converse):
    reply = converse("How much RAM is required to quantize a 34B GGUF to Q4_K_M with llama.cpp?")
    assert re.search(r"one tensor at a time", reply.text)
    assert (
        reply.memory_gb is not None and reply.memory_gb < 34 * 2
    )  # the quantized run, not the 16-bit weights


def test_a_merge_without_a_model_still_gets_the_rule_and_the_cpu_route(converse):
    reply = converse("Can the LoRA merge be done on CPU instead? merge_and_unload keeps going OOM on my GPU")
    assert reply.text.startswith("**Yes**")
    assert re.search(r"two bytes per parameter", reply.text)
    assert re.search(r"dequantized to 16-bit", reply.text + reply.details)


def test_a_merge_too_big_for_the_card_goes_to_the_cpu(converse):
    reply = converse("merging my mistral 7b lora fails with oom on my 12gb 3060, can I still merge it?")
    assert reply.text.startswith("**Only by merging on the CPU**")
    assert 13 <= reply.memory_gb <= 16  # 7.2B x 2 bytes


def test_a_card_said_beside_a_quantizer_is_not_taken_for_the_ram(converse):
    reply = converse("AutoGPTQ quantizing qwen 2.5 14b crashes with out of memory on my 12GB card")
    first = reply.text.split("\n")[0]
    assert "of system RAM**" in first
    assert "12 GB of memory" not in first


def test_a_gguf_conversion_not_yet_tried_is_yes_with_a_current_llama_cpp(assistant):
    # today's convert_hf_to_gguf.py is lazy; the whole-model figure is what older converters and --no-lazy need
    reply = assistant.ask(
        "planning to convert qwen2.5 72b to gguf on a 32 gb desktop, will that work?",
        conversation_id="lazy-1",
    )
    assert reply.text.startswith("**Yes, with a current llama.cpp**") and "--no-lazy" in reply.text


def test_a_conversion_that_was_killed_keeps_the_memory_verdict(assistant):
    reply = assistant.ask(
        "convert qwen2.5 72b to gguf on 32gb ram keeps getting killed, will it ever work?",
        conversation_id="lazy-2",
    )
    assert not reply.text.startswith("**Yes, with a current llama.cpp**")
