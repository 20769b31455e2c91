"""Only a 2-bit file fits (round 11, local): when the one format of a model that fits the memory a user states is
below the lowest GGUF quant an answer leads with (Q2_K, the 1-2 bit i-quants), the verdict is "No" — led by the
4-bit figure people weigh — and the 2-bit line still says it fits; a 3-bit fit is still "Only with 3-bit".
Real components; phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.answering._facts import below_quality_floor
from assistant.planning import Option


@pytest.mark.parametrize(
    ("fmt", "below"),
    [("q2_k", True), ("iq2_xs", True), ("iq1_s", True), ("q3_k_m", False), ("q4_0", False), ("iq4_xs", False),
     ("q8_0", False), ("bf16", False), ("int4", False)],
)  # fmt: skip
def test_the_floor_is_read_by_bits_per_weight(fmt, below):
    option = Option.__new__(Option)
    object.__setattr__(option, "label", f"inference in {fmt}")
    assert below_quality_floor(option) is below


def test_a_model_that_fits_only_in_two_bit_gets_a_no(ask):
    reply = ask("my laptop card has 8 GB — could it hold a 13b llama at all?")
    first, second = reply.text.split("\n")[:2]
    assert first.startswith("**No**") and "4-bit" in first
    assert "2-bit (GGUF Q2_K): yes" in second


def test_a_three_bit_fit_is_still_only_with(ask):
    reply = ask("my old graphics card has 5 GB, can it take mistral 7b at home?")
    assert reply.text.startswith("**Only with 3-bit (GGUF Q3_K_M) weights**")
