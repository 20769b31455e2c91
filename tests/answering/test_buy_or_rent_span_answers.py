"""Buy or rent a card for a time said ("for 2 months", "over 9 months"): the rent for that time, around the clock at
the cheapest regular rate, set against the price, with which is cheaper. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.answering._numbers import unsupported_numbers


def answer(bot, question):
    state = bot._prepare(question, None)
    full = f"{state['draft']}\n\n{state['details']}"
    assert unsupported_numbers(full, state["facts"], state["passages"]) == set(), question
    return state["facts"], full


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
