"""One card of the user's own and the RAM beside it: a model bigger than the card is answered with llama.cpp's layer
split at the speed the RAM allows, not as two such cards. Phrasings in no evaluation set."""

from __future__ import annotations

import re

from tests.support.checked_answers import checked_answer


def test_one_card_plus_ram_is_a_layer_split_not_two_cards(assistant):
    answer = checked_answer(assistant, "mixtral 8x7b q4_k_m on my rtx 4090 + 96gb ddr5, roughly what t/s?")
    assert answer.first_line.startswith("**Only with partial offload**")
    assert "2x RTX 4090" not in answer.first_line and "2 x RTX 4090" not in answer.first_line
    assert re.search(r"about \*\*[\d.]+ tokens/s\*\*", answer.first_line)


def test_two_cards_said_are_still_two_cards(assistant):
    answer = checked_answer(assistant, "mixtral 8x7b q4_k_m on two rtx 4090s and 96gb ram, roughly what t/s?")
    assert "partial offload" not in answer.first_line
