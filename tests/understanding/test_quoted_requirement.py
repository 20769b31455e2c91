"""A memory requirement the question quotes from the model's own README or paper (phrasings of our own)."""

from __future__ import annotations

import pytest

from assistant.understanding import quoted_requirement_gb


@pytest.mark.parametrize(
    ("question", "gb"),
    [
        ("I know my card is way under the project's 40GB VRAM requirement, any hope?", 40),
        ("the readme says it needs at least 18 gb, can my 3090 do it", 18),
        ("24 GB recommended on their github page, I have a 16gb 4080", 24),
        ("minimum of 11GB per the docs and mine has 8", 11),
        ("they say it requires about 30 GB of vram, will a 4090 cope", 30),
        ("it requires 48GB of GPU memory but I only have a 3090", 48),
        ("the paper states 20 gb; does shared memory count?", 20),
    ],
)
def test_a_requirement_quoted_from_the_model_is_read(question, gb):
    assert quoted_requirement_gb(question) == gb


@pytest.mark.parametrize(
    "question",
    [
        "does it require 24GB?",  # asked about, not quoted
        "Will it really need 16 gb?",
        "how much VRAM is required for this?",
        "my 4090 has 24gb, enough for the demo?",  # the user's own card
        "it wants 32GB of system RAM required for the text encoder offload",  # RAM, not GPU memory
        "I have 12 GB, is that the minimum?",
    ],
)
def test_a_figure_asked_about_or_owned_is_no_quote(question):
    assert quoted_requirement_gb(question) is None
