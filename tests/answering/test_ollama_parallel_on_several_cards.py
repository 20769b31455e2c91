"""OLLAMA_NUM_PARALLEL on several cards: Ollama splits the layers (and their KV cache) across them, so the slots'
cache is held against the cards' sum, never against one card (a 40 GB total was once called "more than the
94 GB" of one of four cards). Real components; phrasings in no evaluation set."""

from __future__ import annotations


def test_slots_that_fit_the_cards_together_say_they_fit(ask):
    # Qwen2.5 7B (28 layers x 4 KV heads x 128 x 2 x 2 bytes = 56 KiB/token) at 4 x 16,384 tokens: 3.8 GB of KV
    # cache beside 4.7 GB of Q4_K_M weights, well within two 24 GB cards
    reply = ask("ollama running qwen2.5 7b q4_k_m, num_ctx 16384, OLLAMA_NUM_PARALLEL=4, on two 3090s: ok?")
    assert "which fits the 2 x RTX 3090's 48 GB" in reply.text
    assert "more than" not in reply.text.split("which fits")[0][-200:]


def test_slots_beyond_the_cards_together_are_held_against_their_sum(ask):
    # Qwen2.5 14B (192 KiB/token) at 8 x 32,768 tokens: 51.5 GB of KV cache beside 9 GB of weights > 2 x 24 GB
    reply = ask(
        "qwen2.5 14b q4_k_m under ollama, num_ctx 32768 with OLLAMA_NUM_PARALLEL=8, 2x RTX 3090, vram?"
    )
    assert "more than the 2 x RTX 3090's 48 GB" in reply.text
