"""The GPU memory the user says they have, away from the card's name ("I have 40GB of GPU VRAM … on an A100"), picks
that card's variant with that memory; system RAM never does. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "card"),
    [
        ("we've got 40 GB of gpu memory to work with, it is an A100 - can we qlora a 34b?", "A100 40GB"),
        (
            "I have 40gb vram and it keeps OOMing, the card is an a100. will mistral 7b full fine-tuning fit?",
            "A100 40GB",
        ),
        ("only 16GB of VRAM here (a V100), enough for llama 2 7b inference?", "V100 16GB"),
    ],
)
def test_memory_said_apart_from_the_name_picks_the_variant(read, question, card):
    assert read(question).details.gpus == (card,)


def test_system_ram_does_not_pick_a_variant(read):
    assert read("my a100 box has 40 gb of ram, can it serve llama 2 13b?").details.gpus != ("A100 40GB",)
