"""A local runtime's own figure for a run is a reading, not the user's card (issue 9, local, session 16): "ollama
says it needs 14 GB" was read as a 14 GB card and answered "fits within the 14 GB you have"; a README's requirement
stays no reading."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "seen"),
    [
        ("lm studio says it needs 11.5 gb for mistral nemo at 16k, why?", 11.5),
        ("ollama ps shows 19 GB for gemma 2 27b, is that normal?", 19.0),
        ("koboldcpp reports 7 GB for a 7b q6 with 8k context, expected?", 7.0),
    ],
)
def test_a_runtime_figure_is_a_reading(read, question, seen):
    details = read(question).details
    assert details.observed_gb == seen and details.stated_memory_gb != seen


def test_a_readme_requirement_is_no_reading(read):
    assert read("the readme says it needs 24 GB for the 13b model, which card?").details.observed_gb is None
