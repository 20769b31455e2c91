"""An AMD Radeon iGPU named like a size in millions is no model size when an AMD laptop chip is said (issue 9,
local, session 16): "7840u with 780m" read as a 780M-parameter model; a size said with an AMD card is still a size."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "my thinkpad has a 7640u with 760m graphics, ollama ignores it, any fix?",
        "ryzen 9 8945hs 780m - will lm studio use the igpu?",
        "does vulkan work on a 6800hs with 680m for llama.cpp?",
    ],
)
def test_the_igpu_is_no_model_size(read, question):
    assert read(question).details.params is None


def test_a_size_in_millions_with_an_amd_card_is_still_a_size(read):
    assert read("how much vram does a 350m model need on my amd rx 7600?").details.params == pytest.approx(
        350e6
    )
