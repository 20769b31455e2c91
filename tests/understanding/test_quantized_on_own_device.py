"""Quantized runs on one's own device and readings of "runs with only N GB" (round 11, local): "quantized" or
"4-bit" on a home card, a laptop's GPU or a Jetson is the usual GGUF under llama.cpp, a GPTQ/EXL2 model there
loads through ExLlama, and a bitsandbytes / serving-engine 4-bit keeps its own path; "30B runs with only 6GB of
RAM" is a reading of what the run takes, not the machine's RAM. Real catalog; phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.sizing import load_assumptions


@pytest.mark.parametrize(
    "question",
    [
        "planning to put a 4-bit mistral 7b on my rtx 3070, enough?",
        "a quantized llama 2 13b on my rtx 4080 laptop — will it go?",
        "my jetson orin nano: can it hold a quantized 7b model?",
    ],
)
def test_quantized_on_a_home_device_is_the_usual_gguf(read, question):
    details = read(question).details
    assert details.runtime == "llama.cpp"
    assert details.precision == str(load_assumptions()["default_local_quant"].value)
    assert details.local


def test_a_gptq_model_on_a_home_card_loads_through_exllama(read):
    details = read("want to load a 13b gptq model on my rtx 3060 12gb in the webui").details
    assert details.runtime == "exllamav2"


@pytest.mark.parametrize(
    "question",
    [
        "loading mistral 7b with bitsandbytes 4-bit on my rtx 3070, enough?",
        "serving a 4-bit llama 2 13b with vllm on my rtx 4090 for my team",
    ],
)
def test_other_four_bit_paths_keep_their_own_runtime(read, question):
    assert read(question).details.runtime != "llama.cpp"


@pytest.mark.parametrize(
    ("question", "seen"),
    [
        ("apparently 65b now runs with only 8GB of RAM in llama.cpp, how?", 8.0),
        ("someone got a 13b model working in just 3 gb with gguf", 3.0),
    ],
)
def test_a_run_said_to_need_only_so_much_is_a_reading(read, question, seen):
    details = read(question).details
    assert details.observed_gb == seen
    assert details.ram_gb is None  # not the machine's RAM


def test_a_machine_that_runs_on_its_ram_is_still_the_machine(read):
    details = read("llama.cpp runs on 16GB of RAM here, which 7b quant should I pick?").details
    assert details.observed_gb is None


def test_running_out_of_memory_with_a_quantized_model_is_still_the_gguf_run(read):
    details = read(
        "my jetson orin nano keeps running out of memory with a quantized 7b, what should I change?"
    ).details
    assert details.runtime == "llama.cpp"
    details = read("running out of memory with a quantized 7b in python transformers on my rtx 3070").details
    assert details.runtime != "llama.cpp"
