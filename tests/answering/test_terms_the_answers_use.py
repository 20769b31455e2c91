"""The terms the answers themselves use (MFU, roofline, tensor cores, paged attention) are explained from the guides,
not turned away as out of scope or answered "I don't know". Real components; phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what does MFU stand for in your training estimates?", "model FLOPs utilization"),
        ("can you define the roofline model for me", "ridge point"),
        ("what do tensor cores actually do", "matrix multiply"),
        ("what's paged attention in vllm", "fixed-size blocks"),
    ],
)
def test_a_term_used_in_answers_is_explained(converse, question, expected):
    reply = converse(question)
    assert reply.intent == "explain"
    assert expected.lower() in reply.text.lower()
    assert "I don't know" not in reply.text
