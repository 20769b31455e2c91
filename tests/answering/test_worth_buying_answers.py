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
