"""A budget beside the GPUs the user named ("for under $2/hour", "$300 a month"): the answer opens with Yes or No
set against the budget in its own period, not the bare bill; a No says how many hours the budget buys and names a
GPU that holds the model within it. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest


def _rate(text: str) -> float:
    return float(re.search(r"\$(\d+\.\d\d)/hour", text).group(1))


def test_an_hourly_budget_the_named_card_is_under_gets_yes(ask):
    reply = ask("could we serve phi-3 mini on a single L4 and stay below $1.50 an hour?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**Yes**")
    assert "$2/hour" not in first and "$1.50/hour budget" in first
    assert _rate(first) <= 1.5


def test_a_monthly_budget_the_bill_exceeds_gets_no_with_hours_it_buys(ask):
    reply = ask("our cap is $250 per month — is that enough to run qwen2.5 14b on one L40S around the clock?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**No**")
    assert "$250/month budget" in first
    hourly = _rate(first)
    buys = int(re.search(r"buys about ([\d,]+) hours", first).group(1).replace(",", ""))
    # the budget over the card's hourly rate (shown rounded to the cent, so within 1%)
    assert buys == pytest.approx(250 / hourly, rel=0.01)


def test_no_budget_keeps_the_bill(ask):
    reply = ask("what would it cost per month to serve mistral 7b on an L4?")
    assert not reply.text.startswith(("**Yes**", "**No**"))
    assert "per month" in reply.text.splitlines()[0]
