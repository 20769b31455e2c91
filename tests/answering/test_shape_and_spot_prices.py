"""Prices for a GPU count no instance at the provider has exactly are those of the smallest instance that holds
it, said so and billed for all its GPUs; spot pricing asked about a card is a market question, not owned hardware.
Real components over the bundled offerings table; phrasings in no evaluation set."""

from __future__ import annotations

import re

from assistant.knowledge._market import gpu_market, smallest_shape_holding


def test_a_count_rented_only_in_a_bigger_instance(assistant, converse):
    table = assistant.services.offerings
    assert not gpu_market(table, "H100 SXM", n_gpus=3, providers=("gcp",)).cheapest  # nothing of exactly 3
    size = smallest_shape_holding(table, "H100 SXM", 3, providers=("gcp",))
    reply = converse("how much would 3 h100s on gcp cost per day?")
    first = reply.text.splitlines()[0]
    assert first.startswith("No instance at gcp has exactly 3x H100 SXM")
    assert f"has {size}, and you pay for all {size}" in first
    assert f"For {size} GPUs" in first


def test_spot_pricing_of_a_card_is_a_market_question(converse):
    reply = converse("are spot a100s worth it for a long fine-tuning job?")
    assert reply.intent == "price"
    assert re.search(r"spot vs on-demand", reply.text.splitlines()[0])
    assert "checkpoint" in reply.text
