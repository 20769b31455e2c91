"""A card ruled out by name ("not an H100", "I can't afford an A100") is left out of the pick, not read as the card
asked about; a card merely mentioned stays. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "out"),
    [
        ("we cannot afford an a100, what should we rent to serve qwen2.5 14b?", "A100 80GB SXM"),
        ("other than the l40s, which gpu would you use for mistral 7b inference?", "L40S"),
    ],
)
def test_a_card_ruled_out_is_not_the_card_asked_about(read, question, out):
    details = read(question).details
    assert out in details.not_gpus and out not in details.gpus


def test_a_card_with_a_negation_elsewhere_stays_the_card_asked_about(read):
    details = read("without nvlink, can two h100s still serve llama 3 70b?").details
    assert details.gpus == ("H100 SXM",) and not details.not_gpus


def test_a_card_set_against_another_with_instead_of_is_weighed_not_ruled_out(read):
    details = read("should we rent l40s cards instead of a100s for serving?").details
    assert set(details.gpus) == {"L40S", "A100 80GB SXM"} and not details.not_gpus
