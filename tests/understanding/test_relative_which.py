"""'which' opening a relative clause about the thing named ("X, which is built on SDXL, ...", "a tool which uses
CogVideoX") asks nothing: the question stays a yes/no and the card's memory said after it is the user's; 'which'
asking (which GPU, which is faster) stays an open question."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "Would StoryTeller, which was trained on SD 1.5, fit in a 6GB laptop GPU?",
        "is it possible to run GlowPaint which uses FLUX.1 dev on a 16gb card?",
    ],
)
def test_a_relative_which_keeps_the_yes_no_and_the_card(read, question):
    details = read(question).details
    assert details.yes_no and details.stated_memory_gb in (6.0, 16.0)


@pytest.mark.parametrize(
    "question",
    [
        "Between a 4070 Ti and a 3090, which is quicker at SDXL?",
        "which card should I buy for whisper large?",
    ],
)
def test_which_asking_stays_open(read, question):
    assert not read(question).details.yes_no
