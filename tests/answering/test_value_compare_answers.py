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


@pytest.mark.parametrize(
    ("first", "second", "lead"),
    [
        ("L40S or A100 80GB for serving qwen2.5 14b?", "cheaper?", "is the cheapest per token"),
        ("A6000 vs L40S to host mistral small 24b?", "and which costs less?", "is the cheapest per token"),
        ("H100 vs A100 80GB for llama 3.1 70b inference?", "and what about on aws?", "for inference of"),
    ],
)
def test_a_bare_follow_up_after_two_cards_weighed_weighs_them_again(assistant, first, second, lead):
    conversation = f"value-follow-{uuid.uuid4().hex}"
    assistant.ask(first, conversation_id=conversation)
    reply = assistant.ask(second, conversation_id=conversation)
    first_line = reply.text.split("\n")[0]
    assert first_line.startswith("**The ") and lead in first_line
    assert not first_line.startswith("**Yes**")


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("between the h100 and the a100, which one's cheaper to fine-tune on?", "For training per dollar"),
        ("l40s vs a100 80gb: serving cost?", "For inference per dollar"),
    ],
)
def test_the_cost_of_the_work_is_weighed_per_dollar_not_by_the_hourly_rate(assistant, question, lead):
    reply = assistant.ask(question, conversation_id=uuid.uuid4().hex)
    assert reply.text.startswith(lead), reply.text[:200]
    assert "per $/hour" in reply.text.split("\n")[0]


def test_better_value_with_no_use_said_weighs_both_bounds_per_rented_dollar(assistant):
    cid = uuid.uuid4().hex
    assistant.ask("l4 versus a10g", conversation_id=cid)
    lead = assistant.ask("so which one is the better value?", conversation_id=cid).text.split("\n")[0]
    assert lead.startswith(
        ("**The L4** is the better value", "**The A10G** is the better value", "**It depends")
    )
    assert "TFLOPS per $/hour" in lead and "GB/s per $/hour" in lead
