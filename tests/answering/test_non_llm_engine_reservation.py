"""A non-LLM model served by a batching server (Whisper on vLLM or TensorRT-LLM) that "takes 20 GB": the server
reserves a share of the card for its KV cache at start-up, so the answer says so before the model's own figures
(phrasings of our own, in no evaluation set)."""

from __future__ import annotations

import pytest

from assistant.answering._compose._non_llm import engine_reservation


@pytest.mark.parametrize(
    ("question", "knob"),
    [
        (
            "Serving whisper-large-v3 with vLLM on an A10G and nvidia-smi shows 21 GB used for a single short clip. "
            "Why so much?",
            "--gpu-memory-utilization",
        ),
        (
            "Our TensorRT-LLM build of Whisper medium is eating 22 GB on an L4 even for short audio files, why?",
            "free_gpu_memory_fraction",
        ),
    ],
)
def test_memory_in_use_under_a_batching_server_is_its_reserve(converse, question, knob):
    reply = converse(question)
    first = reply.text.split("\n")[0]
    assert "reserving GPU memory up front" in first and knob in reply.text, reply.text


def test_a_leak_asked_is_answered_no(converse):
    reply = converse(
        "We deployed Whisper turbo through vLLM and it grabs 90% of the 40GB A100 right after startup, is that a leak?"
    )
    assert reply.text.startswith("**No**, nothing is wrong.") and "KV-cache" in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "Whisper large-v3 with faster-whisper on my 3060 uses 4 GB, is that normal?",
        "how much vram does whisper large-v3 need when served with vLLM?",
    ],
)
def test_no_batching_server_or_no_memory_seen_is_no_reserve_note(question):
    assert engine_reservation(question) == ""
