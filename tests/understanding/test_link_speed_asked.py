"""Whether the PCIe link a card sits on costs speed (phrasings of our own, in no evaluation set) is a question for
the link's arithmetic, not a slow run, a spec sheet or a fit; a fit question that only mentions the slot stays one."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    "question",
    [
        "my 3090 is on a gen3 x4 riser - is that going to hurt inference?",
        "would an x8 pcie slot bottleneck a 4080 running SDXL?",
        "does the chipset slot on my board slow down a second GPU?",
    ],
)
def test_a_link_cost_is_explained(read, question):
    assert read(question).intent is Intent.EXPLAIN


def test_a_fit_question_with_a_slot_said_stays_a_fit(read):
    assert read("can two 3090s run Llama 3.1 70B if one sits in an x4 slot?").intent is not Intent.EXPLAIN
