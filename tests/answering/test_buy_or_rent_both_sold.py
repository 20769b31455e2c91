"""Buy one card or rent another, both cards sold: the card said on the renting side is the one rented (it was
the bought card again, 'rent 2x RTX 4090'). Real components; phrasings in no evaluation set."""

from __future__ import annotations


def test_the_card_said_after_rent_is_the_rented_one(ask):
    reply = ask("for qwen2.5 32b serving: purchase a pair of RTX 4090s, or rent an RTX 6000 Ada instead?")
    assert "**Buy 2x RTX 4090:**" in reply.text
    assert "**Rent one RTX 6000 Ada:**" in reply.text


def test_rent_said_first_keeps_its_card(ask):
    reply = ask("rent an RTX 6000 Ada or buy two RTX 4090s, for qwen2.5 32b?")
    assert "**Rent one RTX 6000 Ada:**" in reply.text
