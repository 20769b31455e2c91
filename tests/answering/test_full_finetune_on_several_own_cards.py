"""A full fine-tune on several of the user's cards that fits only in the lean sharded setup says what the usual
run needs per card on those cards (sharded, or at the ZeRO stage named, which keeps the weights whole on each),
and that the lean setup replaces the stage named. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_the_usual_run_is_sized_per_card_on_the_cards_asked(ask):
    first = ask("we've got 4 rtx 3090s in a box — full-parameter sft of qwen2.5 7b possible?").text.split(
        "\n"
    )[0]
    assert first.startswith("**Yes, with**")
    per_card = re.search(r"\(([\d.]+) GB per GPU on 4 x RTX 3090, sharded\), which does not fit", first)
    assert per_card and float(per_card.group(1)) > 22.8


def test_a_zero_stage_named_is_sized_at_that_stage_and_replaced(ask):
    first = ask("zero stage 2 full finetune of qwen2.5 3b across two 3090s, enough?").text.split("\n")[0]
    assert "in place of stage 2" in first
    assert "at ZeRO stage 2), which does not fit" in first
