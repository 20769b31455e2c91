"""A size claimed for the model itself ("it's only 13 GB") is checked against parameters x bytes per parameter and
corrected before the verdict; the figure is never read as the user's card (phrasings in no evaluation set)."""

from __future__ import annotations

import pytest

from assistant.answering._size_claim import claimed_model_gb
from tests.support.checked_answers import checked_answer


@pytest.mark.parametrize(
    ("question", "gb"),
    [
        ("qwen2.5 14b is 14 GB, so my 16gb 4080 is fine in bf16?", 14.0),
        ("isn't a 3b model in fp16 just 3 GB?", 3.0),
        ("my card is 24 GB, can it serve qwen2.5 14b?", None),
    ],
)
def test_the_size_claimed_for_the_model(question, gb):
    assert claimed_model_gb(question) == gb


def test_a_one_byte_per_parameter_claim_is_corrected_first(assistant):
    a = checked_answer(assistant, "qwen2.5 14b is 14 GB, so my 16gb 4080 is fine in bf16?")
    assert a.first_line.startswith("**Qwen2.5 14B is about"), a.first_line
    assert "not 14 GB" in a.first_line and "2 bytes" in a.first_line
    assert a.understanding.details.stated_memory_gb != 14


def test_a_right_sized_claim_is_left_alone(assistant):
    a = checked_answer(assistant, "llama 3 70b in 4-bit is about 40 GB, fits on 2 3090s?")
    assert "not 40 GB" not in a.draft


def test_the_cards_memory_said_with_it_is_no_claim_about_the_model(assistant):
    a = checked_answer(assistant, "got an RTX 4080, it's 16 GB, can it hold qwen2.5 32b?")
    assert "not 16 GB" not in a.draft
