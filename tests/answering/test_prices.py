"""Regional, spot and provider price questions are answered from the offerings table, every figure a fact."""

from __future__ import annotations

import pytest

from assistant.answering._compose._format import money
from assistant.answering._numbers import unsupported_numbers
from assistant.knowledge import class_gap
from assistant.understanding import Intent


@pytest.fixture(scope="module")
def table(assistant):
    return assistant.services.offerings


def answer(bot, question):
    state = bot._prepare(question, None)
    assert unsupported_numbers(state["draft"], state["facts"], state["passages"]) == set(), question
    return state["understanding"], state["draft"]


def test_cheapest_region_for_an_instance_size(assistant, table):
    understanding, text = answer(assistant, "cheapest region for 8x H100")
    assert understanding.intent is Intent.PRICE
    best = table.cheapest("H100 SXM", n_gpus=8, k=1)[0]
    lead = text.split("\n")[0]
    assert best.provider in lead and best.instance_type in lead and best.region in lead
    assert best.as_of.isoformat() in lead and money(best.on_demand_per_hour) in lead
    assert "Cheapest offer per continent" in text


def test_a_continent_narrows_the_offers(assistant, table):
    understanding, text = answer(assistant, "H100 price in Europe?")
    assert understanding.intent is Intent.PRICE
    best = table.cheapest("H100 SXM", region_contains="Europe", k=1)[0]
    assert table.continent_of(best.region) == "Europe"
    assert best.region in text.split("\n")[0] and "in Europe" in text.split("\n")[0]


def test_spot_against_on_demand(assistant, table):
    understanding, text = answer(assistant, "spot vs on-demand for A100")
    assert understanding.intent is Intent.PRICE
    gpu = understanding.details.gpus[0]
    spot, on_demand = table.price_stats(gpu, spot=True), table.price_stats(gpu)
    lead = text.split("\n")[0]
    assert money(spot.median) in lead and money(on_demand.median) in lead and "% less" in lead


def test_which_providers_rent_a_gpu(assistant, table):
    _, text = answer(assistant, "which providers rent MI300X")
    providers = table.providers_for("MI300X")
    lead = text.split("\n")[0]
    assert f"{len(providers)} provider" in lead and all(p in lead for p in providers)


def test_price_range(assistant, table):
    _, text = answer(assistant, "price range of an L40S")
    stats = table.price_stats("L40S")
    lead = text.split("\n")[0]
    assert all(money(v) in lead for v in (stats.min, stats.median, stats.max))
    assert f"over {stats.count} offers" in lead


def test_another_currency_gets_the_usd_figure_and_says_so(assistant):
    _, text = answer(assistant, "how much is an H100 per hour in euros?")
    assert "$" in text and "USD" in text and "EUR" in text


def test_the_training_inference_gap_from_the_data_next_to_signwls_figure(assistant, table):
    understanding, text = answer(
        assistant, "Do training GPUs really cost 3-10x more per hour than inference GPUs?"
    )
    assert understanding.intent is Intent.PRICE
    gap = class_gap(table, {g.name: g.gpu_class for g in assistant.services.catalog})
    assert f"{gap.ratio:.1f}x" in text and money(gap.training_median) in text
    assert "Signwl" in text and "3–10x" in text and gap.as_of[0].isoformat() in text


def test_a_plain_price_question_keeps_the_catalog_price_and_adds_the_table(assistant, table):
    _, text = answer(assistant, "how much does an H100 cost per hour?")
    assert "typical" in text.split("\n")[0]
    assert "From the offerings table" in text and money(table.price_stats("H100 SXM").median) in text


def test_buying_a_card_answers_with_its_purchase_price_not_an_hourly_rate(assistant, table):
    _, text = answer(assistant, "how much does it cost to buy an RTX 4090")
    first = text.split("\n")[0]
    assert "$1,599" in first and "MSRP" in first and "/hour" not in first and "per GPU-hour" not in first
    median = table.price_stats("RTX 4090").median
    assert f"{1599 / median:,.0f} hours" in text


def test_buy_or_rent_uses_the_dated_street_price_when_there_is_one(assistant):
    _, text = answer(assistant, "should I buy an RTX 5090 or rent one?")
    assert "Street price" in text and "2026-06-22" in text and "Buy or rent" in text


def test_a_server_gpu_has_no_purchase_price_and_says_so(assistant):
    _, text = answer(assistant, "how much to buy an H100?")
    assert text.startswith("I have no purchase price for the **H100 SXM**")
