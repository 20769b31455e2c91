"""A mixture of experts' size written with "*" for "x" ("Mixtral 8*7B") names that model, not a 7B one; a count of
cards written the same way ("2*A6000") stays a count. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("can Mixtral 8*7B be served on two A6000s?", "Mixtral 8x7B"),
        ("mixtral 8 * 22b inference on 4*H100, enough?", "Mixtral 8x22B"),
    ],
)
def test_a_starred_expert_size_is_the_moe_model(read, text, model):
    assert read(text).details.model == model


def test_a_starred_card_count_stays_a_count(read):
    details = read("Mixtral 8*7B on 2*A6000, would it fit?").details
    assert details.gpus == ("RTX A6000",) and details.gpu_count == 2
