"""'A or B to buy for local models': when both cards run the same models, the cheaper one to buy is named as the
better value if it saves more in price than it gives up in memory bandwidth (phrasings in no evaluation set)."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_buying_names_the_better_value_when_both_run_the_same_models(assistant):
    a = checked_answer(assistant, "should I buy a 4090 or a used 3090 to chat with local models in ollama?")
    assert "better value" in a.draft and "**RTX 3090**" in a.draft, a.draft
    assert "street" in a.draft


def test_no_value_note_when_nothing_is_bought(assistant):
    a = checked_answer(assistant, "for running llama models locally, is a 4090 or a 3090 quicker?")
    assert "better value" not in a.draft
