"""A Mac is one machine: weighed against several cards ("a mac studio or 4x 3090?") it counts once and the cards at
their count, with or without a model named. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest


def test_a_mac_against_a_count_of_cards_is_two_setups(read):
    u = read("for local llms is 3 rtx 3090s better than one mac studio m2 ultra 192gb")
    assert dict(u.details.setups) == {"RTX 3090": 3, "M2 Ultra 192GB": 1}
    u = read("m2 ultra 192gb mac studio vs 2x rtx 4090 for running qwen2.5 72b?")
    assert dict(u.details.setups) == {"M2 Ultra 192GB": 1, "RTX 4090": 2}


def test_two_cards_without_a_model_and_without_counts_stay_plain(read):
    u = read("rtx 3090 or rtx 4090 for local llms?")
    assert u.details.setups == ()


@pytest.mark.parametrize(
    ("question", "setups"),
    [
        ("an a6000 versus 3x 3090 for a small office doing 70b inference", {"RTX A6000": 1, "RTX 3090": 3}),
        ("l40s vs 2x l4 for a team mostly serving 8b models", {"L40S": 1, "L4": 2}),
    ],
)
def test_cards_set_against_a_count_of_others_for_a_workload_are_setups(read, question, setups):
    """'A vs 2x B for <work>' weighs one A against two Bs, not two of each; 'doing' or 'mostly' before the size
    names no model ('lab doing 70b' is a 70B, not a model called 'lab doing')."""
    u = read(question)
    assert dict(u.details.setups) == setups and u.details.unknown_model is None
