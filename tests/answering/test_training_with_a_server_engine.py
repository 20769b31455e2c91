"""A training run that names a serving engine (GRPO generating with vLLM) is explained by its training memory:
the serving engine's start-up causes and "the model itself does not fit ... no server setting fixes that" are
about serving and stay out. Phrasings of our own, in no evaluation set."""

from __future__ import annotations


def test_rl_with_vllm_is_not_explained_as_a_server(assistant):
    reply = assistant.ask(
        "doing GRPO on qwen2.5 0.5b with vllm colocated on 2x rtx 3090, it runs out of memory"
    )
    assert "no server setting fixes that" not in reply.text
    assert "CUDA graphs" not in reply.text
    assert "GRPO" in reply.text


def test_serving_with_vllm_still_gets_its_explanation(assistant):
    reply = assistant.ask("vllm serving qwen2.5 0.5b on one rtx 3090 runs out of memory at start-up")
    assert "CUDA graphs" in reply.text or "--gpu-memory-utilization" in reply.text
