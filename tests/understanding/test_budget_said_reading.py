"""The budget as said — amount and period — beside its hourly rate, so an answer can set the bill against it in
the user's own terms. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("can a 4090 host gemma 2 9b for less than $0.80 an hour?", (0.8, "hour")),
        ("we can spend $1,200 monthly on serving llama 3 8b on an A10G", (1200.0, "month")),
        ("budget is 40 dollars a day for an L4 running mistral 7b", (40.0, "day")),
    ],
)
def test_budget_said_keeps_amount_and_period(read, question, said):
    d = read(question).details
    assert d.budget_said == said
    assert d.budget_per_hour is not None


def test_no_budget_no_budget_said(read):
    assert read("how much does an L4 cost per hour?").details.budget_said is None


def test_a_price_stated_as_fact_is_no_budget_said(read):
    assert (
        read("given an L40S is $1.10/hour, what would qwen 14b cost us monthly?").details.budget_said is None
    )
