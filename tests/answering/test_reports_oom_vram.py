"""A crash the user ties to VRAM ("crashes on 24GB VRAM") is an out-of-memory report, as one tied to RAM is."""

from __future__ import annotations

import pytest

from assistant.answering._compose._shapes import reports_oom


@pytest.mark.parametrize(
    ("question", "reported"),
    [
        ("[Bug] Gemma 3 27B QAT crashes on 16GB VRAM under vllm", True),
        ("the server crashed, probably not enough vram?", True),
        ("does it crash with the new driver on a 4090?", False),
    ],
)
def test_a_crash_tied_to_vram_is_an_oom_report(question, reported):
    assert reports_oom(question) is reported
