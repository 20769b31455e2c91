"""Integrated graphics (round 10, local): an iGPU has no memory of its own, so the model sits in system RAM and
runs at its bandwidth — read as a run from RAM on the user's own machine, and the chip's maker ("intel iris
xe") is not a filter on cards to rent. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._understand import understand


@pytest.mark.parametrize(
    "question",
    [
        "does lm studio work with intel uhd graphics for phi-3 mini?",
        "mini pc with a radeon 680m, 16gb ram: will llama 3.2 3b run in ollama?",
        "can my igpu run gemma 2 2b with llama.cpp?",
    ],
)
def test_integrated_graphics_run_from_system_ram(catalog, models, question):
    details = understand(question, catalog, models).details
    assert details.cpu_only and details.local
    assert details.vendor is None
