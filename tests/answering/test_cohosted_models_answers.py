"""Several models served on the same hardware at once: the verdict is on their memory together, and each serving
engine's start-up share is said (vLLM's default 0.9 leaves no room for a second server)."""

from __future__ import annotations


def test_two_small_models_share_one_card(converse):
    reply = converse(
        "is it possible to serve both phi-3 mini and qwen2.5 7b simultaneously on a single l40s?"
    )
    first = reply.text.strip().splitlines()[0]
    assert first.startswith("**Yes** — together they need about **"), first
    assert "Phi-3" in first and "Qwen2.5 7B" in first and "--gpu-memory-utilization" in first


def test_two_big_models_do_not(converse):
    first = converse("could one a100 80gb run llama 3.1 70b and mistral 7b side by side?").text.splitlines()[
        0
    ]
    assert first.startswith("**No** — together they need about"), first


def test_a_new_pair_after_an_earlier_model_is_the_new_pair(converse):
    reply = converse(
        "which gpu for llama 3 8b?", "and can a100s host llama 3.1 70b plus qwen2.5 7b together?"
    )
    assert "Llama 3.1 70B" in reply.text.splitlines()[0], reply.text
