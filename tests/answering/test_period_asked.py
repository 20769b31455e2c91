"""The period a cost question asks for: one table of periods (hour, day, week, month, year) read by the price
handler, the catalog's price line and the workload's bill; a budget per hour bounds the setup and asks no hourly
bill. Phrasings in no evaluation set."""

from __future__ import annotations

from assistant.answering._compose._catalog import asks_per, period_of


def test_the_period_named_is_read():
    assert period_of("what's the bill for a week of 8 gpus") == ("week", 24 * 7)
    assert period_of("hourly rate for two L4s?")[0] == "hour"
    assert period_of("how much is an A100") is None


def test_the_longer_period_leads_but_the_hour_is_still_asked():
    q = "what would it run me per hr, and over a whole month?"
    assert period_of(q)[0] == "month"
    assert asks_per(q, "hour") and asks_per(q, "month")
    assert not asks_per(q, "year")


def test_an_hourly_bill_is_priced_per_hour_first(ask):
    reply = ask("how much does hosting llama 3.1 8b on an L40S cost per hour?")
    assert reply.text.startswith("About **$") and "per hour**" in reply.text.split("\n")[0]


def test_an_hourly_budget_asks_no_hourly_bill(ask):
    reply = ask("llama 3.1 8b served on one L40S, I can spend 3 dollars an hour, ok?")
    assert reply.text.startswith("**Yes**") and "within your $3/hour budget" in reply.text
