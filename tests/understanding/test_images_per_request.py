"""Images sent with each request to a vision-language model, read from the question: how many and how large."""

from __future__ import annotations

import pytest

from assistant.understanding._images import read_images


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three product photos per request at 1024x768", (3, (1024, 768))),
        ("each call carries 2 scans each, 720p", (2, (1280, 720))),
        ("a 4k picture per prompt", (1, (3840, 2160))),
        ("6 receipt images in every request", (6, None)),
        ("serve llama 3 8b for 50 users", (None, None)),
    ],
)
def test_count_and_size_as_said(text, expected):
    assert read_images(text) == expected
