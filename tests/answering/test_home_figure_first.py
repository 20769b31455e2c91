"""'How much VRAM for it in Ollama?': the figure leads, then the home card that holds it; several cards whose sum
the user states ('so it has 48gb') are answered on whether that sum is real for the tool. Phrasings in no
evaluation set."""

from __future__ import annotations

import re

from tests.support.checked_answers import checked_answer


def test_how_much_at_home_opens_with_the_figure(assistant):
    answer = checked_answer(
        assistant, "roughly how much vram will mistral 7b take in lm studio at 16k context?"
    )
    assert re.match(r"Inference of Mistral 7B in q4_k_m needs about \*\*[\d.]+ GB\*\*", answer.first_line)
    assert "To run it at home" in answer.draft


def test_whats_the_vram_needed_at_home_opens_with_the_figure(assistant):
    """Read as a card to recommend, the amount asked still leads."""
    answer = checked_answer(assistant, "what's the vram needed for qwen2.5 14b at 32k ctx in koboldcpp")
    assert re.match(r"Inference of Qwen2.5 14B in q4_k_m needs about \*\*[\d.]+ GB\*\*", answer.first_line)


def test_a_stated_sum_of_two_cards_for_training_is_answered_as_pooling(assistant):
    answer = checked_answer(
        assistant, "could i train an sdxl lora over my pair of 3090s so that it has 48gb?"
    )
    assert answer.first_line.startswith("**No**") and "data parallel" in answer.first_line
