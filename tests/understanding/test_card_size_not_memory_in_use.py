"""A card's size written in a question ("a 3060 12gb", "two 24GB cards") is hardware, not memory seen in use:
"can I use vLLM with …" asks whether a model fits, not why the server takes so much. Phrasings in no evaluation
set."""

from __future__ import annotations

import pytest

from assistant.understanding import asks_engine_memory


@pytest.mark.parametrize(
    "question",
    [
        "can i use vllm with a 3060 12gb for mistral 7b awq?",
        "is it ok to use sglang on two 24GB cards for qwen 14b?",
        "I am using an A100-80GB with vllm, can it serve llama 3 70b awq?",
        "planning to use TGI with an L4 24gb gpu for phi-3, will that work?",
        "sglang crashes with OOM while I use 4 x L40S (48G), can they hold qwen2.5 72b awq?",
        "we use two A6000 (48 GB) with vllm and get an out of memory error for llama 3 70b in fp8",
    ],
)
def test_a_card_size_after_use_is_not_memory_in_use(question):
    assert not asks_engine_memory(question)


@pytest.mark.parametrize(
    "question",
    [
        "vLLM uses 21GB on my 24GB card for a 7B AWQ model, why?",
        "why does sglang take 70 GB on an A100 80GB",
        "vllm is using 22gb of my 4090 24gb",
        "TGI takes all the memory of my A10G",
        "vllm 0.6 uses 70gb for a 7b, normal?",
        "tgi with mistral 7b: nvidia reports 21 GB reserved on my A10G",
        "sglang serving qwen 7b, 70GB of memory in use on the H100",
    ],
)
def test_memory_seen_in_use_still_reads_as_an_engine_memory_question(question):
    assert asks_engine_memory(question)


def test_an_nvidia_smi_used_over_total_is_memory_seen(read):
    assert read(
        "sglang with llama 3 8b, nvidia-smi: 70119MiB / 81559MiB on the H100"
    ).details.observed_gb == (pytest.approx(70119 / 1024, abs=0.01))
