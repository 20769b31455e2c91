"""A card ruled out by name is never the pick. Phrasings in no evaluation set."""

from __future__ import annotations


def test_the_pick_leaves_out_the_card_ruled_out(ask):
    reply = ask("no h100 please - what should i rent to full fine-tune llama 3.2 3b?")
    assert reply.gpus and all(not g.startswith("H100") for g in reply.gpus)
