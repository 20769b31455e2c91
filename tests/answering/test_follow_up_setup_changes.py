"""Follow-ups that change the setup carry the changed figure: the memory per GPU when that is what is asked
("and per GPU?" on the cards named), a shorter sequence, more of the user's own cards holding a quantized model
(real components; phrasings in no evaluation set)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "turns",
    [
        ("how much memory to full fine-tune qwen2.5 7b on 4 H100s?", "and on each GPU?"),
        ("What VRAM per GPU does a full fine-tune of Qwen2.5 7B need across 4 H100s?",),
    ],
)
def test_memory_asked_per_gpu_is_each_gpus_share(ask, turns):
    reply = ask(*turns)
    total = ask("how much memory to full fine-tune qwen2.5 7b on 4 H100s?").memory_gb
    assert reply.memory_gb is not None and reply.memory_gb < total / 2  # sharded over 4, not the whole


def test_a_shorter_sequence_in_a_follow_up_lowers_the_figure(ask):
    first = ask("LoRA on Llama 3.1 8B with batch size 16 and seq len 4096: how much VRAM?")
    shorter = ask(
        "LoRA on Llama 3.1 8B with batch size 16 and seq len 4096: how much VRAM?",
        "what if I reduce the sequence length to 1024?",
    )
    assert shorter.memory_gb < first.memory_gb


def test_more_of_the_users_own_cards_carry_the_quantized_figure_the_verdict_leads_with(ask):
    reply = ask("I'm running Qwen2.5 14B in 4-bit on my RTX 4090.", "could two of them run Qwen2.5 72B?")
    assert reply.text.startswith("**Yes")
    assert reply.memory_gb is not None and reply.memory_gb < 2 * 24  # the 4-bit figure, not 16-bit's ~150 GB
