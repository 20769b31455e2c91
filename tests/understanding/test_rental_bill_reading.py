"""One reading of a rental, shared by understanding and answering (issue 9, review debt, session 21): money said
beside a provider, an hourly or monthly bill, spot or a per-volume price is what hiring costs, not a sum to spend
on a card to own."""

from __future__ import annotations

import pytest

from assistant.understanding._local import purchase_budget, speaks_of_a_rental_bill, speaks_of_renting


@pytest.mark.parametrize(
    "text",
    [
        "can i get a gpu on vast.ai for under $300 to run mixtral",
        "spot price for a card to fine tune qwen, budget $500",
        "i'll spend $900 a month on a box for llama 70b",
        "buy or pay per million tokens, $2000 to spend on gemma 27b",
    ],
)
def test_money_beside_a_rental_is_no_purchase_budget(text):
    assert speaks_of_a_rental_bill(text)
    assert purchase_budget(text) is None


def test_a_bill_by_the_month_is_a_rental_bill_but_not_renting_itself():
    assert speaks_of_a_rental_bill("what would that run me per month?")
    assert not speaks_of_renting("what would that run me per month?")


def test_buying_a_card_is_no_rental_bill():
    text = "i can buy a card for $1200, which one for llama 3 8b at home?"
    assert not speaks_of_a_rental_bill(text)
    assert purchase_budget(text) == 1200
