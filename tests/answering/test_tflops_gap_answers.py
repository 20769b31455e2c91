"""Two cards' TFLOPS set against each other, one of which runs FP32-accumulate tensor math (BF16, mixed-precision
training) at half its FP16-accumulate rate: the answer leads with that rate, each card's figures from the catalog,
whatever the question was read as (a spec, a price or a comparison). Phrasings in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_a_same_chip_tflops_gap_is_the_accumulate_rate(assistant):
    checked = checked_answer(
        assistant,
        "the L40S is listed at 362 TFLOPS and my RTX 4090 at 165 - it's the same AD102 die, so why?",
    )
    lead = checked.first_line
    assert lead.startswith("**The gap is the accumulate rate:** the RTX 4090"), lead
    assert "165 against 330" in lead and "362" in lead


def test_prices_quoted_beside_the_tflops_do_not_turn_it_into_a_price_answer(assistant):
    question = (
        "a blog says the RTX 3090 ($1,400) does 70 TFLOPS of 16-bit compute and the RTX A6000 ($4,650) 150. "
        "how can that be twice, same Ampere generation?"
    )
    lead = checked_answer(assistant, question).first_line
    assert lead.startswith("**The gap is the accumulate rate:** the RTX 3090"), lead


def test_two_cards_at_full_rate_get_no_accumulate_lead(assistant):
    lead = checked_answer(assistant, "H100 SXM vs A100 80GB, why 989 TFLOPS against 312?").first_line
    assert "accumulate rate" not in lead
