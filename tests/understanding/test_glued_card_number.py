"""A card's number run into the maker or the next word ("a 3090nvidia graphics card", "my 4070gpu") is still that
card. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "card"),
    [
        ("got a 3090nvidia graphics card here, will a 14b model run in bf16?", "RTX 3090"),
        ("would my 4070gpu handle mistral 7b at 4 bit?", "RTX 4070"),
        ("4060tigeforce with 8gb, is phi-3 mini ok?", "RTX 4060 Ti"),
    ],
)
def test_a_glued_card_number_is_the_card(read, question, card):
    assert read(question).details.gpus[:1] == (card,) or read(question).details.gpus[0].startswith(card)


def test_model_sizes_and_other_numbers_stay_glued(read):
    assert read("can a 3090 run a 70b model in 4bit?").details.gpus == ("RTX 3090",)
