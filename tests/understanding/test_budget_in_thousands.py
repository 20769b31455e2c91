"""A budget said in thousands with a k ('$3k a month') is that many thousand dollars, read over its period; it was
read as $3 an hour. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "we can spend $4k a month on hosting, what's the largest LLM we could serve around the clock?",
            4000.0,
        ),
        ("$1.5k monthly for inference, biggest model we can host?", 1500.0),
    ],
)
def test_thousands_with_a_k_are_read_in_full(read, question, said):
    u = read(question)
    assert u.details.budget_said == (said, "month")
    assert u.details.budget_per_hour == pytest.approx(said / 730, rel=0.01)


def test_an_hourly_rate_is_unchanged(read):
    assert read("$3/hr budget, biggest model I can serve?").details.budget_per_hour == 3.0
