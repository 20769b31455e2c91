"""Buy or rent a card for a time said ("for 2 months", "over 9 months"): the rent for that time, around the clock at
the cheapest regular rate, set against the price, with which is cheaper. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from tests.support.checked_answers import checked_answer


def answer(bot, *turns):
    a = checked_answer(bot, *turns)
    return a.facts, a.full


@pytest.mark.parametrize(
    ("question", "hours"),
    [("buy vs rent an RTX 3090 for 2 months?", 1460), ("RTX 5090: buy or rent over 9 months", 6570)],
)
def test_the_time_said_is_rented_and_set_against_the_price(assistant, question, hours):
    facts, text = answer(assistant, question)
    even = facts.break_evens[0]
    rent = hours * even.rent_per_gpu_hour
    assert f"For the {hours:,} hours you said" in text
    assert ("renting is cheaper" if rent < even.price_usd else "buying is cheaper") in text


# ----------------------------------------------------------------------------- use said as a rate per week / month


def test_hours_a_week_is_a_rate_not_a_total():
    from assistant.understanding import use_said

    def said(text):
        use = use_said(text)
        return (use.hours, use.period, use.per_year) if use else None

    assert said("buy a 3090 or rent one? i'd use it 6 hrs per week") == (6.0, "week", 365.0 / 7)
    assert said("we'd run it 40 hours a month") == (40.0, "month", 12.0)
    assert said("about 5h/day") == (5.0, "day", 365.0)
    assert said("for 200 hours total") is None
    assert said("30 hours a day") is None


def test_rent_or_buy_at_hours_a_week(assistant):
    reply = assistant.ask(
        "should i buy an rtx 3090 or just rent one, i'd only use it like 6 hrs per week",
        conversation_id="rent-week",
    )
    assert "6 hours a week you said" in reply.text
    assert "around the clock), renting" not in reply.text  # not read as 6 hours in all
    assert "a year (6 x 52.1 weeks x $" in reply.text
