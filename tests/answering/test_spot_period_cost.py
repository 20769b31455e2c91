"""A rental period asked at spot prices ('spot pricing for a month of an H100') is priced at the spot rates, the
on-demand figure beside it; a period asked without spot keeps the on-demand median. Real components; phrasings
in no evaluation set."""

from __future__ import annotations

import re

from assistant.answering._numbers import unsupported_numbers


def test_a_spot_month_is_billed_at_spot_rates(ask):
    reply = ask("what does an H100 come to over a month if I go spot?")
    assert "on spot: about **$" in reply.text
    assert "median spot rate" in reply.text
    assert "against $" in reply.text  # the on-demand month beside it


def test_an_on_demand_month_keeps_the_median(ask):
    reply = ask("monthly bill for one L40S rented?")
    assert "on spot" not in reply.text
    assert re.search(r"per month\*\* at the median rate", reply.text)


def test_the_spot_month_figures_are_supported(assistant):
    state = assistant._prepare("H100 on spot for a whole month, what is the bill?", None)
    assert "on spot: about" in state["draft"]
    assert unsupported_numbers(state["draft"], state["facts"], state["passages"]) == set()
