"""'Best <kind> model for my card' with no model named (phrasings of our own, in no evaluation set): the models of
that kind on record weighed against the card, the largest whose usual run fits leading, not an estimate for an
unnamed release or another model's stand-in figures."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "leader"),
    [
        ("Which speech recognition model would you suggest for a 4 GB card?", "**Whisper small**"),
        ("top video generation model that works on a 24GB 3090?", "**Wan2.2 TI2V-5B**"),
    ],
)
def test_the_largest_model_of_the_kind_that_fits_leads(ask, question, leader):
    text = ask(question).text
    assert text.startswith(leader), text
    assert "| model | parameters | usual run |" in text, text


def test_a_named_model_is_not_a_pick(ask):
    text = ask("is Whisper medium a good model for a 4 GB card?").text
    assert "| model | parameters | usual run |" not in text, text
