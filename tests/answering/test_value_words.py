"""'Which is the better deal', 'worth the money', 'cheaper per token', 'more cost-effective' between two cards ask
for value: the pick is by the resource the work is bound by per dollar. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question, use",
    [
        ("h100 or l40s — which one is the better deal for inference?", "inference"),
        ("rtx 4090 vs a6000, which is worth the money for serving?", "inference"),
        ("for pretraining, is the h200 or the mi300x more cost-effective?", "training"),
    ],
)
def test_a_deal_between_two_cards_is_picked_per_dollar(converse, question, use):
    reply = converse(question)
    assert reply.text.startswith(f"For {use} per dollar"), reply.text[:200]
