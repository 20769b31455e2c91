"""'Can I put part of it on the CPU?' on the user's own card: offloading is the question, so the answer says yes,
how (llama.cpp's layer split, or a PyTorch loader's offload) and that it is slow, rather than a flat no and a rental."""

from __future__ import annotations

import re


def _first(reply) -> str:
    return re.sub(r"[*_`]", "", reply.text).split("\n")[0]


def test_llama_cpp_split_on_a_card_known_by_its_memory(converse):
    reply = converse(
        "My card only has 10GB and Qwen2.5 32B in 4-bit is about 20 GB. Could I keep the rest in system RAM?"
    )
    first = _first(reply)
    assert first.startswith("Yes, with partial offload"), first
    assert "-ngl" in first and "slower" in first


def test_llama_cpp_split_on_a_named_card(converse):
    first = _first(converse("Can I split Llama 3.1 70B between my RTX 4080 and system ram?"))
    assert first.startswith("Yes, with partial offload") and "slower" in first, first


def test_pytorch_loader_offload_is_yes_but_slow(converse):
    reply = converse(
        "Loading Mistral Small 24B with transformers on a 16 GB GPU runs out of memory. "
        "Can I offload part of the weights to the CPU?"
    )
    first = _first(reply)
    assert first.startswith("Yes, with CPU offload, but slowly"), first
    assert "devicemap" in first and "PCIe" in first  # _first drops the markdown underscores


def test_a_model_that_fits_gets_no_offload_lead(converse):
    first = _first(converse("I have an RTX 3060 12GB. Can I offload part of Llama 3.2 3B to the cpu?"))
    assert "offload" not in first.split(" — ")[0].lower(), first


def test_system_ram_asked_with_no_card_is_a_cpu_run(converse):
    reply = converse("how many gigs of cpu memory are needed for Qwen2.5 32B inference?")
    assert "runs on a CPU" in _first(reply)
    assert reply.memory_gb is not None and reply.memory_gb > 60  # the 16-bit weights held in RAM


def test_system_ram_asked_beside_a_card_is_the_offload_ram(converse):
    first = _first(converse("How much system RAM is required to run Llama 3.3 70B with my RTX 4080?"))
    assert re.match(r"\d+ GB of system RAM or more, for a partial offload", first), first


def test_pytorch_cpu_load_out_of_ram_says_what_the_load_adds(converse):
    reply = converse("Mistral 7B loaded with transformers on my 24GB RAM box (no gpu) got OOM-killed. Why?")
    text = reply.text
    assert "bf16" in text and "q4_k_m" not in text.split("\n")[0]
    assert "low_cpu_mem_usage" in text and "swap" in text


def test_a_cpu_run_with_no_stack_said_stays_a_gguf(converse):
    text = converse("Can I run Mistral 7B on 16GB RAM, no graphics card?").text
    assert "q4_k_m" in text.split("\n")[0].lower() and "swap" not in text, text


def test_a_phone_as_the_subject_is_the_users_device_not_a_rental(converse):
    reply = converse("Could my iPhone 14 run Gemma 2 2B?")
    assert _first(reply).startswith("It depends on the phone's RAM"), _first(reply)
    assert "RAM" in reply.text and "$" not in reply.text.split("\n")[0]
