"""A generation speed said in any wording is read (issue 9, local, session 16): beside a purchase budget it is the
speed the hardware to buy must reach."""

from __future__ import annotations

import pytest

from assistant.understanding._local import speed_said


@pytest.mark.parametrize(
    ("question", "speed"),
    [
        ("need it to go at least 30 tokens per second", 30.0),
        ("anything above 12.5 tok/s is fine for me", 12.5),
        ("want ~8 t/s minimum", 8.0),
        ("hoping for 20 tps on a budget card", 20.0),
        ("about 5 tokens a second would do", 5.0),
    ],
)
def test_a_speed_in_any_wording_is_read(question, speed):
    assert speed_said(question) == speed


@pytest.mark.parametrize("question", ["what gpu for a 13b model with 8k context", "budget 1500, 2 users"])
def test_no_speed_is_read_where_none_is_said(question):
    assert speed_said(question) is None
