"""Two cards weighed 'per dollar' for serving a model ('more tokens per dollar', 'value for money',
'price/performance') are compared by the cost per million generated tokens, not by speed alone. Real
components; phrasings of our own."""

from __future__ import annotations

import uuid

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "for serving qwen2.5 7b, is an L40S or an A100 80GB more tokens per dollar?",
        "L4 vs A10G price/performance for llama 3.1 8b inference",
        "which is better value for money to host phi-3 medium, an A6000 or an L40S?",
    ],
)
def test_per_dollar_is_the_cost_per_token(assistant, question):
    reply = assistant.ask(question, conversation_id=f"value-{uuid.uuid4().hex}")
    first = reply.text.split("\n")[0]
    assert "is the cheapest per token" in first and "per million generated tokens" in first
