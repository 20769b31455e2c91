"""A yes/no about one card after the message reports other cards (a README's, a paper's or the authors' hardware): the
card asked about is the one sized, not a comparison of every card named. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    ("question", "card", "count"),
    [
        (
            "the model card lists an A100 or H100, but could my 3060 12gb run a 13b chat model?",
            "RTX 3060 12GB",
            None,
        ),
        ("authors used 8 A100s; would one 4090 be able to do a lora of llama 2 7b?", "RTX 4090", 1),
        ("they recommend an A6000 and up, yet will a 3090 handle mistral 7b inference?", "RTX 3090", None),
    ],
)
def test_the_card_in_the_asking_clause_is_the_one_sized(read, question, card, count):
    u = read(question)
    assert u.details.gpus == (card,)
    assert u.intent is not Intent.COMPARE and u.details.yes_no
    if count is not None:
        assert u.details.gpu_count == count


@pytest.mark.parametrize(
    "question",
    [
        "could a 3090 or a 4090 fine-tune llama 3 8b with lora?",  # the ask itself weighs two cards
        "the readme says an A6000, but is a 4090 faster than a 3090 for serving mistral 7b?",
        "one A6000 or two 3090s for a 70B?",
    ],
)
def test_an_ask_that_weighs_cards_keeps_them_all(read, question):
    assert len(read(question).details.gpus) >= 2
