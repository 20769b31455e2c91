"""A model that does not fit the user's own machine under a local runtime gets that runtime's own settings to
change (layers on the GPU, context, KV-cache type, a lower-bit file, a Mac's GPU memory limit), not a server's
(tensor parallelism, FP8 KV cache). Phrasings in no evaluation set."""

from __future__ import annotations


def test_llama_cpp_levers_when_it_does_not_fit_a_home_card(converse):
    reply = converse("will qwen 2.5 32b run in LM Studio on my rtx 3060 12gb?")
    assert "-ngl" in reply.details and "num_ctx" in reply.details
    assert "cache-type-k" in reply.details and "mmap" in reply.details
    assert "tensor parallelism" not in reply.details.split("**To make it fit")[1].split("\n")[0]


def test_a_mac_gets_its_gpu_memory_limit(converse):
    reply = converse("Can I run Llama 3 70B in Q4 with Ollama on my M2 Pro 32GB?")
    assert "iogpu.wired_limit_mb" in reply.details


def test_a_server_keeps_the_server_levers(converse):
    reply = converse("Serve Llama 3 70B with vLLM on one L40S?")
    assert "-ngl" not in reply.details
