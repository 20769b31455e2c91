"""'What MFU should I expect on H100s?' asks the share of peak compute real training runs reach (the guides), not
the card's spec sheet. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    "question",
    ["realistic MFU on a100s for llm training?", "what model flops utilization do people get on an H200?"],
)
def test_the_efficiency_of_training_on_a_card_is_explained(read, question):
    assert read(question).intent is Intent.EXPLAIN
