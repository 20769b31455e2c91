"""'A or B for training X on N tokens, how long and how much on each?': the pick by compute, then the job's time and
bill on each setup — not which card is 'enough'. Phrasings here are in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_each_setup_gets_its_time_and_bill(assistant):
    a = checked_answer(
        assistant,
        "a100 80gb sxm or a100 40gb for pretraining a 350m model on 20B tokens, time and cost for each?",
    )
    first = a.first_line
    assert "is enough" not in first
    for check in a.facts.checks:
        assert check.label in first and f"{check.training.hours / 24:.1f} days" in first
