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
