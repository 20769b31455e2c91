"""Every number the home-run answers print is one the facts support (the number check an LLM rewrite is held to):
what a format holds on a card, room left, each card's speed when upgrading, a phone's models, a speed judged in the
usual download. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from tests.support.checked_answers import checked_answer


@pytest.mark.parametrize(
    "question",
    [
        "is full fp32 or half precision fine on my rtx 4060 ti 16gb?",
        "I have 12GB of VRAM, can I run Llama 3.1 8B in Q8?",
        "I'm on a 3060 12gb running qwen2.5 32b in lm studio. would buying a 3090 speed things up?",
        "will mlc run on my old iphone 11?",
        "my gtx 1660 6gb only does 2 tok/s on llama 3 8b in ollama, is that expected?",
        "a forum post says llama 2 7b manages only 2 tokens/s on a jetson agx orin 64gb. is that its real speed?",
    ],
)
def test_every_number_of_a_home_answer_is_supported(assistant, question):
    checked_answer(assistant, question)  # fails on a number no fact supports
