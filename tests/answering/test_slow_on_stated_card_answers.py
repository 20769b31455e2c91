"""A slow or CPU-bound local run on a card the user gives only by its memory ("my 6GB card", an unlisted GTX
1060): whether the model spills out of it, only just fits, or fits with room — the same reading a named card gets.
Phrasings in no evaluation set."""

from __future__ import annotations


def test_a_model_bigger_than_the_card_runs_partly_on_the_cpu(converse):
    reply = converse("why is gemma 2 27b q4 so slow in ollama on my 8gb card?")
    assert reply.text.startswith("**It does not fit in the GPU")


def test_a_tight_fit_explains_the_cpu_share(converse):
    reply = converse("ollama shows 30% cpu for llama 3 8b on my 6gb card, why?")
    assert reply.text.startswith("**It only just fits")
    assert "num_ctx" in reply.text


def test_a_roomy_fit_points_at_the_settings(converse):
    reply = converse("phi 3 mini is slow in LM Studio on my 24gb card, why?")
    assert reply.text.startswith("**It fits on the GPU, so it should not be slow**")
