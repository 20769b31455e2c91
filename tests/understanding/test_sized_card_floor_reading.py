"""A card of a memory size to be picked or rented ("the cheapest 40gb gpu", "which cards with 32 GB can I rent") is a
floor on the cards, not the user's own card; a card the user has keeps its reading, and "card" with a memory or a
rental is on topic. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    ("question", "floor"),
    [
        ("list the cheapest 40gb gpus i can rent", 40.0),
        ("which cards with 32 GB can I rent by the hour?", 32.0),
        ("best value accelerator having 141gb?", 141.0),
    ],
)
def test_a_sized_card_to_pick_is_a_floor(read, question, floor):
    details = read(question).details
    assert details.min_memory_gb == floor
    assert details.stated_memory_gb is None


def test_the_users_own_card_stays_theirs(read):
    details = read("which models fit my 32gb card?").details
    assert details.stated_memory_gb == 32.0 and details.min_memory_gb is None


@pytest.mark.parametrize("question", ["where do I rent a card cheaply?", "cheapest 96 gb card around?"])
def test_a_card_to_rent_or_by_its_memory_is_on_topic(read, question):
    assert read(question).intent is not Intent.OUT_OF_SCOPE
