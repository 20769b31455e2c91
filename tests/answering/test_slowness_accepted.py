"""Slowness the user says they accept ("I don't mind it running slower", "speed doesn't matter") is the price they
would pay to fit, not a complaint about speed: the answer is about memory, not about what makes training slow.
Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from tests.support.checked_answers import checked_answer


@pytest.mark.parametrize(
    "question",
    [
        "Full fine-tuning Llama 3 8B with ZeRO-3 on 6 A6000s runs out of memory at batch size 1. "
        "I don't mind it being slower. What can I change?",
        "LoRA on Qwen2.5 14B keeps OOMing on my two 4090s; speed doesn't matter to me. Any ideas?",
    ],
)
def test_accepted_slowness_is_no_speed_complaint(assistant, question):
    lead = checked_answer(assistant, question).first_line
    assert "usually makes" not in lead and "slow" not in lead.split("—")[0].lower(), lead


def test_a_real_speed_complaint_still_gets_the_causes(assistant):
    lead = checked_answer(
        assistant, "my QLoRA run of Mistral 7B on an RTX 4080 is painfully slow, what am I doing wrong?"
    ).first_line
    assert "slow" in lead.lower(), lead
