"""A price limit for a card to run a non-LLM model (phrasings of our own, in no evaluation set) asks for a card to
buy: purchase prices lead, not a month of rental."""

from __future__ import annotations


def test_a_budget_for_a_card_lists_cards_to_buy(ask):
    text = ask("looking for a graphics card below $600 to run SDXL, suggestions?").text
    assert "cheapest card on record to buy" in text, text
    assert "a month" not in text.split("\n")[0], text
