"""What the PCIe link a card sits on costs in speed (phrasings of our own, in no evaluation set): a verdict from the
link's bandwidth (PCI-SIG's per-lane rate times the lanes) against the card's own, not a slow run to diagnose, the
card's spec sheet or a model's memory; several cards make the gradient and activation traffic the cost."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "my 3090 is on a gen3 x4 riser - is that going to hurt inference?",
        "would an x8 pcie slot bottleneck a 4080 running SDXL?",
    ],
)
def test_a_slot_question_gets_a_no_from_the_link_arithmetic(ask, question):
    first = ask(question).text.split("\n")[0]
    assert first.startswith("**No**, not once the model is loaded"), first
    assert "GB/s each way" in first and "loading" in first, first


def test_a_gen3_x4_link_is_a_quarter_of_gen3_x16(ask):
    first = ask("will my 3090 lose speed in a gen3 x4 slot? does it hurt?").text.split("\n")[0]
    assert "about 3.9 GB/s each way" in first, first  # 4 lanes x 0.985 GB/s


def test_several_cards_make_the_traffic_between_them_the_cost(ask):
    text = ask("does a pcie 3.0 x8 slot hurt fine-tuning across two 3090s?").text
    assert text.startswith("**Yes, somewhat**, across 2 cards"), text
    assert "gradients" in text
