"""How long a card is used, as said: hours a day, a week or a month, turned into hours a day."""

from __future__ import annotations

import pytest

from assistant.understanding import use_said


@pytest.mark.parametrize(
    ("text", "hours", "period", "daily"),
    [
        ("i'd game on it maybe 6 hrs a day", 6, "day", 6),
        ("training about 14 hours per week", 14, "week", 2),
        ("~73h/month of jobs", 73, "month", 73 * 12 / 365),
    ],
)
def test_use_in_each_period(text, hours, period, daily):
    use = use_said(text)
    assert (use.hours, use.period) == (hours, period)
    assert use.daily == pytest.approx(daily)


@pytest.mark.parametrize("text", ["for 40 hours", "30 hours a day", "200 hours a week", "every day"])
def test_no_use_or_more_hours_than_the_period_has(text):
    assert use_said(text) is None


def test_short_spellings_and_periods_in_a_year():
    use = use_said("maybe 6 hrs/wk")
    assert (use.hours, use.period) == (6, "week")
    assert use.per_year == pytest.approx(365 / 7)
    assert use_said("40h per mo").per_year == pytest.approx(12)
