"""'Is card A worth it over card B' for running models at home is weighed on what the cards cost to buy (labelled
street or launch MSRP), memory bandwidth (tokens/s) and memory, for the card asked about — never on cloud rental
rates for training."""

from __future__ import annotations


def lead(reply) -> str:
    return reply.text.strip().splitlines()[0]


def test_the_card_asked_about_is_the_subject(converse):
    first = lead(converse("would a 5090 be worth the money compared to a 4090 for running llms locally?"))
    assert first.startswith(("**Yes**", "**No**")), first
    assert "running models at home" in first and "the RTX 5090 has" in first
    assert "GB/s" in first and ("street" in first or "MSRP" in first)
    assert "TFLOPS" not in first and "GPU-hour" not in first


def test_rented_training_still_weighs_rental_rates(converse):
    first = lead(converse("is an h100 worth the premium over an a100 when training?"))
    assert "GPU-hour" in first and "TFLOPS" in first, first


def test_the_card_named_before_worth_is_the_subject_against_the_count_said(converse):
    # "A worth it over two B": one A against two B — the same memory, one card's speed each, twice B's price
    first = lead(
        converse("would a single rtx a6000 be worth it over a pair of 3090s for running llms at home?")
    )
    assert first.startswith("**No**"), first
    assert "one RTX A6000 (48 GB) against 2 x RTX 3090 (48 GB" in first
    assert "x 2" in first  # the price of the two cards, not one


def test_two_cheaper_cards_against_one_weigh_the_memory_they_pool(converse):
    first = lead(converse("are two 3060 12gbs worth it over one 4070 for local llms?"))
    assert "2 x RTX 3060 12GB (24 GB) against one RTX 4070" in first, first
