"""A budget per month with no format said: the plan falls back to 8-bit, then 4-bit weights when no 16-bit setup is
within it (as 'cheaper?' does), setups are held to it by their whole price as offered, and the answer says the hourly
rate and the hours a month it assumed. Phrasings in no evaluation set."""

from __future__ import annotations


def test_a_monthly_budget_follow_up_gets_a_leaner_format_within_it(converse):
    reply = converse("which gpu can serve qwen2.5 7b?", "ok and if we only have 90 dollars per month?")
    assert reply.gpus, reply.text
    assert reply.plan.workload.precision in ("int8", "int4")
    assert reply.plan.pick.price_per_hour <= 90 / 730 + 1e-9
    assert "730 hours a month" in reply.text and "within your $90/month budget" in reply.text
    assert "no GPU in the catalog" not in reply.text


def test_a_budget_in_one_question_keeps_16_bit_out_only_when_it_is_over(converse):
    reply = converse("we can spend $120/month on hosting gemma 2 9b, what gpu?")
    assert reply.gpus and reply.plan.pick.price_per_hour <= 120 / 730 + 1e-9
    assert "16-bit" in reply.details or "16-bit" in reply.text


def test_a_budget_no_format_meets_says_it_is_over(converse):
    reply = converse("cheapest way to host llama 3.1 8b, we can spend at most 30 dollars a month?")
    assert reply.gpus, reply.text
    assert "over your $30/month budget" in reply.text
    assert "within your budget" in reply.text.lower() or "no setup holds the model" in reply.text.lower()


def test_a_yes_within_a_monthly_sum_only_in_a_leaner_format_says_which(converse):
    reply = converse("would $250 a month cover hosting qwen2.5 32b?")
    first = reply.text.split("\n", 1)[0]
    assert first.startswith(("**Yes, with int8 weights**", "**Yes, with int4 weights**", "**No**")), first
    assert "(your $250/month read as about" in first
