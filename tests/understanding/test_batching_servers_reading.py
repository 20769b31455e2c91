"""LMDeploy (TurboMind), TensorRT-LLM spelled 'trt-llm' and TGI spelled out are batching GPU servers like vLLM: a
question about one of them on a consumer card is served, so its formats are AWQ / GPTQ / FP8, not the GGUF files of
a local runtime ('can lmdeploy run a 26B on one 3090?' was offered GGUF Q4_K_M). Phrasings of our own, in no
evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "will lmdeploy serve qwen2.5 14b on a single 4090?",
        "turbomind backend with llama 3 8b on an RTX 3090, enough memory?",
        "trt-llm engine for mistral 7b on an L4: does it fit?",
        "text-generation-inference hosting phi-3 medium on an A10G",
    ],
)
def test_a_batching_server_is_a_server_runtime(read, question):
    details = read(question).details
    assert details.runtime == "server"


def test_lmdeploy_on_a_consumer_card_is_no_local_run(read):
    assert read("can lmdeploy run qwen2.5 32b awq on one 3090?").details.local is False
