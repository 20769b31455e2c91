"""The power of several cards asked (phrasings of our own, in no evaluation set): their board power added up, which
the power supply carries beside the rest of the machine, not one card's figure alone."""

from __future__ import annotations


def test_the_board_power_of_the_cards_is_added_up(ask):
    text = ask("planning a rig with three 3090s - how big a psu?").text
    first = text.split("\n")[0]
    assert "1,050 W" in first and "350 W each" in first, first
