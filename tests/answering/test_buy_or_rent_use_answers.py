"""Buy one card or rent another, at a use said per week or month: the break-even is counted against the card to be
rented (not the one bought) and told in the period the user said. Phrasings here are in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def answer(bot, *turns):
    a = checked_answer(bot, *turns)
    return a.facts, a.full


def test_the_rented_card_is_the_other_one_named(assistant):
    facts, text = answer(
        assistant, "should I buy an rtx 5090 or just rent an h100 sxm, for ~12 hrs a week of training"
    )
    even = facts.break_evens[0]
    assert even.gpu == "RTX 5090" and even.rented_gpu == "H100 SXM"
    assert "cheapest regular H100 SXM rental" in text
    weeks = even.hours / 12
    assert f"At the 12 hours a week you said, that is about **{weeks:,.0f} weeks**" in text
    assert "around the clock)" not in text.split("**Buy or rent:**")[1].split("\n")[0].split("Buying wins")[1]


def test_one_card_bought_or_rented_keeps_its_own_rental(assistant):
    facts, text = answer(assistant, "rtx 4090: purchase it or rent it? maybe 90 hours per month")
    even = facts.break_evens[0]
    assert even.rented_gpu is None and even.gpu == "RTX 4090"
    assert f"about **{even.hours / 90:,.0f} months** of use" in text
