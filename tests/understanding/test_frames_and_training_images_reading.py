"""Images or video frames per training example, read for a vision-language fine-tune: a count of frames sampled from
each clip ("16 frames per clip", "eight video frames") is that many images to the vision encoder; a frame rate is
not. Phrasings of our own, in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._images import read_images


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lora on a video llm with 16 frames per clip", (16, None)),
        ("eight video frames, batch 2", (8, None)),
        ("one 1600x1200 scan per training example", (1, (1600, 1200))),
        ("3 pictures per sample", (3, None)),
    ],
)
def test_frames_and_images_per_example(text, expected):
    assert read_images(text) == expected


@pytest.mark.parametrize(
    "text", ["a 25 frames per second camera feed", "render 60 frames/s", "24 frames a second"]
)
def test_a_frame_rate_is_not_a_count_of_images(text):
    assert read_images(text)[0] is None
