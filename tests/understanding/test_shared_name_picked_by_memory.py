"""A card name several cards share ("RTX 6000") with its memory said beside it ("RTX 6000 24GB", "rtx 6000 (96GB)")
is the card of that memory, not every card of the name; the Turing Quadro RTX 6000 (24 GB) is in the catalog for
that. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "cards"),
    [
        ("fine-tuning a TTS model on my RTX 6000 24GB runs out of memory at batch 32", ("Quadro RTX 6000",)),
        ("RTX 6000 with 24 GB VRAM, is it enough for wan 2.1 14B?", ("Quadro RTX 6000",)),
        ("my RTX 6000 48GB runs flux dev?", ("RTX 6000 Ada", "RTX A6000")),
        ("rtx 6000 (96GB) for llama 3 70b in fp8?", ("RTX PRO 6000 Blackwell",)),
    ],
)
def test_the_memory_said_picks_the_card(read, question, cards):
    details = read(question).details
    assert details.gpus == cards
    assert details.model_note is None or "names several cards" not in details.model_note


def test_a_memory_no_card_of_the_name_has_leaves_every_current_one(read):
    details = read("can my rtx 6000 32gb run sdxl?").details
    assert details.gpus == ("RTX 6000 Ada", "RTX A6000", "RTX PRO 6000 Blackwell")
