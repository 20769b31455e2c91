"""Where the recommended setup is rented, asked as a follow-up ("which provider has that cheapest?"), is answered
from the offerings table for that card at the count picked — not with a cheaper setup weighed again. Real
components; phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("follow_up", ["which cloud has that cheapest?", "who rents those for the least?"])
def test_the_pick_is_priced_where_it_is_rented(converse, follow_up):
    first = converse("what should I rent to serve mixtral 8x7b?")
    pick = first.plan.pick
    reply = converse("what should I rent to serve mixtral 8x7b?", follow_up)
    assert reply.intent == "price"
    lead = reply.text.splitlines()[0]
    shown = f"{pick.count}x {pick.gpu.name}" if pick.count > 1 else pick.gpu.name
    assert f"**{shown}**" in lead
    assert "The cheapest is **" in lead


def test_the_spot_market_of_the_pick_is_asked_as_a_bare_follow_up(converse):
    first = converse("cheapest setup to host qwen2.5 72b?")
    pick = first.plan.pick
    reply = converse("cheapest setup to host qwen2.5 72b?", "any spot pricing?")
    assert reply.intent == "price"
    shown = f"{pick.count}x {pick.gpu.name}" if pick.count > 1 else pick.gpu.name
    assert "spot" in reply.text.splitlines()[0] and f"**{shown}**" in reply.text.splitlines()[0]


def test_the_pick_and_its_format_outlive_a_turn_that_prices_it(converse):
    # the cheapest setup runs the 70B in 4-bit; after asking where it is rented, its speed is still of that setup
    first = converse("cheapest way to host llama 3.3 70b?")
    pick = first.plan.pick
    third = converse(
        "cheapest way to host llama 3.3 70b?", "which cloud has that cheapest?", "and how fast is it?"
    )
    assert third.intent != "spec" and third.plan is not None
    assert third.plan.workload.precision == first.plan.workload.precision
    assert (
        third.text.startswith(f"On {pick.count} x {pick.gpu.name}")
        or pick.gpu.name in third.text.split("\n")[0]
    )


def test_a_provider_alone_after_a_cheapest_question_is_the_cheapest_there(converse):
    reply = converse("cheapest way to host qwen2.5 32b?", "and on gcp?")
    assert reply.text.startswith("The cheapest option: **"), reply.text[:120]
    assert "gcp" in reply.text.split("\n")[0].lower()
    plain = converse("which gpu would you use to host qwen2.5 32b?", "and on gcp?")
    assert not plain.text.startswith("The cheapest option")
