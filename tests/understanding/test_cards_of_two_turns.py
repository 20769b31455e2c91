"""A follow-up that names another card in place of the last ("and on an A100?") keeps the one set aside, so a
"which is faster / cheaper / better?" after it weighs both cards for the workload discussed — a comparison, not the
cheapest card of all. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    "pick", ["ok which one's quicker?", "so which of them is cheaper", "which should i rent the cheaper"]
)
def test_which_after_two_cards_in_two_turns_compares_them(read, pick):
    u = read("could an l40s serve qwen2.5 14b?", "what about an a100 80gb sxm?", pick)
    assert u.intent is Intent.COMPARE
    assert set(u.details.gpus) == {"L40S", "A100 80GB SXM"} and u.details.model == "Qwen2.5 14B"


def test_a_card_named_in_the_pick_is_not_replaced(read):
    u = read("could an l40s serve qwen2.5 14b?", "what about an a100 80gb sxm?", "which is faster, the h100?")
    assert "H100 SXM" in u.details.gpus


def test_one_card_only_keeps_the_usual_reading(read):
    u = read("could an l40s serve qwen2.5 14b?", "which is cheaper?")
    assert u.intent is not Intent.COMPARE
