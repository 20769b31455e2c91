"""A memory figure in the unit asked: GiB beside GB when the question asks for GiB, never for a size said in GiB
(phrasings in no evaluation set)."""

from __future__ import annotations

import pytest

from assistant.answering._units_asked import asks_gib
from tests.support.checked_answers import checked_answer


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("what does Qwen2.5 14B need, in GiB?", True),
        ("GiB please: memory for serving mistral 7b", True),
        ("how many gibibytes does llama 3 8b take?", True),
        ("will it fit in 80 GiB?", False),
        ("how much vram for llama 3 8b?", False),
    ],
)
def test_the_unit_asked(question, asked):
    assert asks_gib(question) is asked


def test_the_lead_figure_is_also_given_in_gib(assistant):
    a = checked_answer(assistant, "memory needed to serve Qwen2.5 14B in bf16, as GiB?")
    assert "GiB)" in a.first_line, a.first_line
