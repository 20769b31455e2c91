"""A card named, then "for" and a model, and nothing else asked ("<card> for <model>?") asks whether that one card
does it: a yes/no question about one card, not "the fewest of it that fit". Open questions and picks keep their
reading. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "rx 7600 for phi-3 medium?",
        "an rtx 2080 ti for gemma 2 9b",
        "my 3070 ok for llama 3.2 3b?",
        "rtx 4060 ti 16gb for qwen2.5 14b?",
    ],
)
def test_card_for_model_is_whether_one_card_does_it(read, question):
    details = read(question).details
    assert details.yes_no
    assert details.gpu_count == 1


@pytest.mark.parametrize(
    "question",
    [
        "best card for phi-3 medium?",
        "how many 3070s for llama 3 70b?",
        "rtx 2080 ti or rtx 3060 for gemma 2 9b?",
        "which gpu for qwen2.5 14b?",
        "cheapest L4 for mistral 7b?",
    ],
)
def test_open_questions_and_picks_are_not_yes_no(read, question):
    assert not read(question).details.yes_no
