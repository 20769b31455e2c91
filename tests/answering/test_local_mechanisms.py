"""The mechanism that decides a local run, named where it applies: an offloaded mixture-of-experts model keeps its
experts in RAM (`--n-cpu-moe`), a CPU run that sees its weights read from disk is llama.cpp's mmap, two Macs of one
memory size share macOS's GPU working set, and the guides answer why more CPU threads do not raise tokens/s and
which backends run llama.cpp on Intel Arc or AMD. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest

from assistant.knowledge import load_catalog


def test_a_slow_moe_on_one_card_is_partial_offload_with_experts_in_ram(ask):
    reply = ask("qwen3 30b a3b in ollama runs slow on my rtx 4060 ti 16gb, only 12 t/s here. why?")
    assert "part of it runs on the CPU" in reply.text
    assert "--n-cpu-moe" in reply.text and "mixture-of-experts" in reply.text
    assert reply.gpus[0] == "RTX 4060 Ti 16GB" and not re.search(r"\b[2-9]x RTX 4060", reply.text)


def test_a_slow_dense_model_gets_no_expert_note(ask):
    reply = ask("llama 3.3 70b in ollama runs slow on my rtx 4090, only 2 t/s here. why?")
    assert "part of it runs on the CPU" in reply.text and "--n-cpu-moe" not in reply.text


def test_disk_reads_on_a_cpu_run_name_mmap_and_how_to_load_the_file_whole(ask):
    reply = ask(
        "running qwen2.5 32b q4 on cpu only with 64gb ram, the disk activity never stops and it is very slow. why?"
    )
    assert "mmap" in reply.text and "--no-mmap" in reply.text and "use_mmap: false" in reply.text


def test_a_cpu_run_without_disk_reads_gets_no_mmap_note(ask):
    reply = ask("can I run qwen2.5 32b on cpu only with 64gb ram?")
    assert "--no-mmap" not in reply.text


def test_two_macs_of_one_memory_size_get_the_working_set_limit(ask):
    reply = ask(
        "on my M1 Max 32GB (and a friend's M2 Max 32GB too) models of 22GB or more fail to load. can we use more "
        "of the unified memory?"
    )
    share_gb = (
        load_catalog().by_name("M1 Max 32GB").gpu_memory_gb
    )  # macOS's default working set, from the catalog
    assert reply.text.startswith(f"**About {share_gb:.1f} GB**")
    assert "iogpu.wired_limit_mb" in reply.text


def test_two_macs_of_different_memory_are_still_compared(ask):
    reply = ask("M1 Max 32GB or M2 Max 96GB for local llms?")
    assert "iogpu.wired_limit_mb" not in reply.text.split("\n")[0]


@pytest.mark.parametrize(
    ("question", "words"),
    [
        (
            "my ryzen 9 has 16 cores but going past 6 threads in llama.cpp gives no speedup in tokens per second. why?",
            ("memory bandwidth", "prompt"),
        ),
        (
            "can llama.cpp run gguf models on an AMD radeon or intel arc card, not nvidia?",
            ("SYCL", "Vulkan", "ROCm"),
        ),
    ],
)
def test_the_guides_answer_threads_and_non_nvidia_backends(ask, question, words):
    reply = ask(question)
    assert not reply.text.startswith("I don't know")
    for word in words:
        assert word in reply.text


def test_a_model_shipped_in_mxfp4_gets_no_lower_bit_gguf_ladder(ask):
    reply = ask("will gpt-oss-120b fit across two rtx 5090 cards?")
    assert reply.text.startswith("**No**")
    assert "Q3_K_M" not in reply.text and "Q2_K" not in reply.text
