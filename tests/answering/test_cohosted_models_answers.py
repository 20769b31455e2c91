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


def test_an_llm_and_an_embedding_model_add_up(converse):
    # the embedding model is a non-LLM row (bge-m3: 568M parameters, 1.1 GB in fp16): its memory joins the LLM's
    first = converse(
        "rag box: mistral 7b as well as bge-m3 embeddings on a single a10g, will it fit?"
    ).text.splitlines()[0]
    assert first.startswith("**Yes** — together they need about"), first
    assert "Mistral 7B" in first and "bge-m3 (1.1 GB)" in first


def test_both_and_names_a_pair_even_with_a_dotted_version(converse):
    first = converse("can one l4 take both qwen2.5 14b and a bge reranker?").text.splitlines()[0]
    assert "together they need about" in first and "bge-reranker-v2-m3" in first, first
