"""The whole run's time scaled from the progress a user reports part-way (phrasings in no evaluation set)."""

from __future__ import annotations

import pytest

from assistant.understanding._progress import run_pace


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("it has done 0.02 epochs in 18 minutes", 15.0),
        ("about 20 min per 0.1 epoch so far", 20 / 60 / 0.1),
        ("90 minutes per epoch, and we planned 4 epochs", 6.0),
        ("tqdm shows 400/10,000 after 1.5 hours", 37.5),
        ("we're 25% through after 2 days", 192.0),
        ("6 hours to reach 40%", 15.0),
        ("it runs at 3 s/it with 1200 steps", 1.0),
        ("0.25 epochs done after 2 hours", 8.0),
    ],
)
def test_progress_part_way_scales_to_the_whole_run(text, hours):
    pace = run_pace(text)
    assert pace is not None and pace.hours == pytest.approx(hours)


@pytest.mark.parametrize(
    "text",
    [
        "how long would 3 epochs of 40k samples take on an A100?",
        "one epoch took 9 hours on 8 V100s, is that normal?",
        "we trained for 13 hours on 8 A100s",
        "the model is 70% smaller in 4-bit",
    ],
)
def test_a_duration_or_share_alone_is_no_progress(text):
    assert run_pace(text) is None
