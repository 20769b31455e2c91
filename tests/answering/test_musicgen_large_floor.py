"""MusicGen's large model (phrasings of our own, in no evaluation set): a row of its own, whose floor is the authors'
16 GB for the smaller medium model, so a 12 GB card is a No and the answer never goes below the medium's need."""

from __future__ import annotations


def test_the_large_model_is_its_own_row_at_least_the_mediums_need(ask):
    reply = ask("I'd like to make songs with MusicGen large on a 4060 Ti 16GB, any good?")
    assert "large model (3.3B parameters)" in reply.text, reply.text
    assert reply.memory_gb is not None and reply.memory_gb >= 16.0, reply.memory_gb


def test_a_12_gb_card_does_not_hold_it(ask):
    reply = ask("is 12 GB of VRAM enough for the 3.3B musicgen large?")
    assert reply.text.startswith("**No**"), reply.text
