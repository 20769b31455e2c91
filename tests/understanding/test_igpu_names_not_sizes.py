"""AMD's integrated graphics are named like model sizes ("780M", "Radeon 890M"): the chip is not the model's
parameter count, and the model size said elsewhere in the question stands. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "params"),
    [
        ("mini pc with a 680M igpu and 64gb ram — will a 32B model run?", 32e9),
        ("Radeon 890M laptop, 32 GB RAM: can it run an 8b model?", 8e9),
        ("is the 780m graphics enough for a 3b model?", 3e9),
    ],
)
def test_the_graphics_chip_is_not_the_model_size(read, question, params):
    assert read(question).details.params == pytest.approx(params, rel=0.05)


def test_a_model_told_in_millions_is_still_read(read):
    assert read("can a 350M model run on a raspberry pi 4?").details.params == pytest.approx(350e6)
