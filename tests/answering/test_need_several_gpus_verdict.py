"""'Do I need more than one GPU / tensor parallelism for X?' is answered by the GPU count the job takes: No when one
card holds it, Yes with the count when it takes several (and the single card that would hold it alone)."""

from __future__ import annotations

import pytest


def lead(reply) -> str:
    return reply.text.strip().splitlines()[0]


@pytest.mark.parametrize(
    "question",
    [
        "is multi gpu really necessary to serve qwen2.5 7b?",
        "would I have to use model parallelism to run phi-4 for inference?",
        "do we need two cards to qlora llama 3.1 8b?",
    ],
)
def test_one_card_holds_it(converse, question):
    assert lead(converse(question)).startswith("**No** — one GPU is enough"), converse(question).text


def test_several_cards_are_needed_and_counted(converse):
    first = lead(converse("do I need more than one gpu for llama 3.1 405b inference in fp8?"))
    assert first.startswith("**Yes** —") and "4x H200" in first


def test_the_count_on_the_card_the_user_has(converse):
    first = lead(converse("with 24gb rtx 3090s, do I need multiple gpus to run qwen2.5 32b in bf16?"))
    # "Only with 4 x RTX 3090" (or "Yes — it takes 4 GPUs") answers it: never "No", never another card
    assert first.startswith(("**Yes**", "**Only with 4 x RTX 3090**")) and "4" in first
    assert "single card with more memory" not in first
