"""The vocabulary of price-market questions: regions, spot, providers, ranges, currencies, buying."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent, read_market
from assistant.understanding._understand import understand

PROVIDERS = ("aws", "gcp", "lambda", "runpod", "vast")


def test_continents_and_region_codes():
    assert read_market("H100 price in Europe?").where == "Europe"
    assert read_market("A100 in the US").continent == "North America"
    assert read_market("L4 in us-east-1 or elsewhere").where == "us-east-1"
    assert read_market("what does an H100 cost").where is None


def test_spot_providers_range_currency_and_buying():
    m = read_market("spot vs on-demand for A100 on Lambda Labs or RunPod", PROVIDERS)
    assert m.spot and set(m.providers) == {"runpod", "lambda"}
    assert read_market("which providers rent MI300X").asks_providers
    assert read_market("price range of an L40S").asks_range
    assert read_market("cheapest region for 8x H100").asks_regions
    assert read_market("H100 per hour in euros").currency == "EUR"
    assert read_market("how much is an RTX 4090 in £").currency == "GBP"
    assert read_market("how much does it cost to buy an RTX 4090").buy
    assert read_market("Are training GPUs 3-10x more expensive than inference GPUs?").asks_class_gap
    assert not read_market("Does the T4 support bf16?").asked


@pytest.mark.parametrize(
    "question",
    [
        "H100 in Europe",
        "spot vs on-demand for A100",
        "which providers rent MI300X",
        "price range of an L40S",
        "cheapest region for 8x H100",
        "Do training GPUs cost 3-10x more per hour than inference GPUs?",
    ],
)
def test_market_questions_are_price_questions(catalog, models, question):
    assert understand(question, catalog, models).intent is Intent.PRICE


def test_specs_and_workloads_are_not_rerouted(catalog, models):
    assert understand("Does the T4 support bf16?", catalog, models).intent is Intent.SPEC
    assert understand("A100 vs H100", catalog, models).intent is Intent.COMPARE
    assert understand("Serve Llama 3 70B in Europe", catalog, models).intent is Intent.RECOMMEND


def test_a_good_buy_is_a_judgement_not_a_purchase():
    from assistant.understanding._market import read_market

    assert not read_market("is the RTX 4090 or the L40S the better buy for training?").buy
    assert read_market("should I buy an RTX 4090 or rent one?").buy


@pytest.mark.parametrize(
    "question",
    [
        "would you buy a pair of 3090s or one 4090 for running models at home",
        "thinking of buying an A6000 vs two 4090s, which way?",
    ],
)
def test_buying_one_of_several_cards_is_a_comparison(catalog, models, question):
    assert understand(question, catalog, models).intent is Intent.COMPARE


def test_the_price_of_buying_either_card_is_still_a_price(catalog, models):
    assert understand("how much to buy a 3090 or a 4090 these days?", catalog, models).intent is Intent.PRICE


@pytest.mark.parametrize(
    "question", ["what do A100s rent for these days", "how much does lambda charge for an h100"]
)
def test_price_asked_in_other_words(catalog, models, question):
    assert understand(question, catalog, models).intent is Intent.PRICE


def test_being_in_charge_is_no_price(catalog, models):
    question = "I'm in charge of choosing between the h100 and the a100 for training"
    assert understand(question, catalog, models).intent is Intent.COMPARE
