"""An hourly rate said as a fact and checked ("X goes for $N/hr, right?", "is it true that ..."): Yes when a listed
on-demand offer is near it, No with the listed range when none is. Phrasings here are in no evaluation set."""

from __future__ import annotations

import re

from assistant.knowledge._market import gpu_market


def _first(assistant, question):
    return re.sub(r"[*_`]", "", assistant.ask(question).text).split("\n")[0]


def test_a_rate_below_every_offer_of_the_provider_named_is_no_with_its_range(assistant):
    market = gpu_market(assistant.services.offerings, "L4", providers=("aws",)).on_demand
    first = _first(assistant, "my buddy says an L4 is $0.30/hr on aws, is that correct?")
    assert first.startswith("No") and "below the cheapest" in first and f"${market.min:,.2f}" in first


def test_a_rate_among_the_offers_is_yes(assistant):
    market = gpu_market(assistant.services.offerings, "A100 80GB SXM").on_demand
    said = round(market.median, 2)
    first = _first(assistant, f"A100 80GB SXM is roughly ${said}/hr these days, is that right?")
    assert first.startswith("Yes") and "within the listed offers" in first
