"""'A or B for local LLMs?' with no model named: the card that runs bigger models leads (what fits at all decides
before speed), with the largest model each runs and which is faster on models both hold; a yes/no 'is A better than
B' answers whether A is that card. Real Assistant, catalog and sizing; phrasings in no evaluation set."""

from __future__ import annotations

import re

from assistant.answering._compose._catalog import local_pick
from assistant.planning._owned import what_runs


def _first(reply) -> str:
    return reply.text.split("\n", 1)[0]


def test_more_memory_beats_more_bandwidth_when_it_runs_bigger_models(catalog, models, assumptions):
    small_fast, big_slow = catalog.by_name("RTX 3080"), catalog.by_name("RTX 4060 Ti 16GB")
    reports = [what_runs(g, 1, models, assumptions) for g in (small_fast, big_slow)]
    assert local_pick(reports) is big_slow


def test_same_reach_goes_to_the_faster_card(catalog, models, assumptions):
    # two 24 GB cards reach the same model: tokens/s (memory bandwidth) decides
    cards = [catalog.by_name("RTX 3090"), catalog.by_name("RTX 4090")]
    reports = [what_runs(g, 1, models, assumptions) for g in cards]
    assert local_pick(reports) is catalog.by_name("RTX 4090")


def test_the_lead_names_what_each_runs_and_the_speed_trade(converse):
    first = _first(converse("thinking 3080 10gb vs 4060 ti 16gb for running llms at home, which one?"))
    assert "the **RTX 4060 Ti 16GB**" in first
    assert re.search(r"runs up to \*\*[^*]+\*\* in Q\d", first)
    assert "RTX 3080's 10 GB stops at" in first
    assert "the RTX 3080 is faster" in first and "760 GB/s" in first


def test_is_a_better_than_b_answers_yes_or_no_for_a(converse):
    assert _first(converse("for ollama stuff is a 4060 8gb better than a 3060 12gb?")).startswith("**No**")
    assert _first(converse("is the 3090 better than a 4070 ti super for local llms?")).startswith("**Yes**")


def test_a_cloud_comparison_is_not_read_as_a_home_one(converse):
    # data-centre cards for serving: no home what-runs ladder
    assert "GGUF" not in _first(converse("L40S or A100 80GB for serving llms?"))


def test_a_count_on_one_side_adds_up_its_memory(converse):
    # "two 3090s or one 4090": 48 GB across the pair reaches models one 24 GB card cannot
    first = _first(converse("for home llm use, is it smarter to buy two rtx 3090s or a single 4090?"))
    assert "the **2 x RTX 3090**" in first and "48 GB runs up to" in first
    assert "RTX 4090's 24 GB stops at" in first


def test_the_same_largest_model_at_a_lighter_quant_is_said_per_card(converse):
    # a 32 GB and a 24 GB card can top out at the same model, but not in the same quant: each card's own run is said
    first = _first(converse("for running llms locally, 5090 or 4090?"))
    quants = re.findall(r"in (Q\d_K_[SM]|Q\d_0), about [\d.]+ GB on the (RTX \d{4})", first)
    assert {card for _, card in quants} == {"RTX 5090", "RTX 4090"}
    assert len({quant for quant, _ in quants}) == 2


def test_consumer_cards_compared_for_inference_are_a_home_choice(converse):
    # no 'local' or 'LLM' word: cards people buy, weighed for inference, are still a what-fits choice, and two
    # cards' bandwidth is not added up (llama.cpp runs split layers one card after the other)
    first = _first(converse("inference-wise, a pair of 3090s or a lone 4090?"))
    assert "the **2 x RTX 3090**" in first and "48 GB runs up to" in first
    assert "1,872" not in first


def test_a_data_centre_card_in_an_inference_comparison_is_not_a_home_one(converse):
    assert "GGUF" not in _first(converse("for inference, an L40S or an RTX 4090?"))


def test_a_data_centre_card_weighed_for_local_models_gets_the_home_ladder(converse):
    # a P40 people buy used to run llama.cpp at home: the GGUF ladder, not a serving engine's 16-bit fit
    first = _first(converse("would a tesla p40 be any good for running llms locally?"))
    assert "GGUF" in first and "--tensor-parallel-size" not in first


def test_a_card_for_deep_learning_is_a_cuda_card_by_memory_per_dollar_not_a_mac(converse):
    # "machine" is no Mac; for machine learning in general the pick is a CUDA card, said as such
    first = _first(converse("which gpu should a student buy to learn machine learning?"))
    assert first.startswith("For deep learning on your own machine"), first
    assert "on CUDA" in first and " M4 " not in first


def test_a_mac_to_buy_is_picked_among_macs(converse):
    first = _first(converse("what macbook is best to run local llms?"))
    assert "of the Macs I have prices for, the **M" in first, first


def test_two_memory_sizes_weighed_name_the_one_that_runs_more(converse):
    reply = converse("thinking 12 or 16 gigs of vram for running llms at home, which?")
    first = _first(reply)
    assert first.startswith("**16 GB**"), first
    assert re.search(r"16 GB card runs up to \*\*[^*]+\*\*.* 12 GB one stops at \*\*", first)
    assert "| 12 GB |" in reply.text and "| 16 GB |" in reply.text


def test_two_mac_memories_are_weighed_on_macs(converse):
    reply = converse("32 vs 64gb macbook pro for local models?")
    assert _first(reply).startswith("**64 GB**") and "Mac the speeds are from" in reply.text
