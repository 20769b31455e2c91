"""A training time asked on the user's own card known only by its memory ("how long on my 12gb card?") is timed
on a card of that memory, with no rental price — not on the plan's cloud pick. Real components; phrasings in no
evaluation set."""

from __future__ import annotations

import re


def _hours(text: str) -> float:
    return float(re.match(r"About \*\*([\d.]+) hours\*\*", text).group(1))


def test_the_time_is_on_their_card_not_a_rented_one(ask):
    text = ask("roughly how many hours to qlora llama 3.2 3b over 30 million tokens on my 12 gb gpu?").text
    assert "on your 12 GB card (timed as the" in text.split("\n")[0]
    assert "/hour" not in text.split("\n")[0]  # their card: no rental rate in the lead
    # the same job on a named 24 GB card is faster (more compute)
    faster = ask("roughly how many hours to qlora llama 3.2 3b over 30 million tokens on an rtx 3090?").text
    assert _hours(faster) < _hours(text)


def test_a_cost_asked_on_their_own_card_says_there_is_no_rental_bill(ask):
    text = ask("what will it cost me and how long, lora of qwen2.5 3b on 5m tokens, with my 24gb card").text
    assert "no rental bill, the card is yours" in text


def test_a_job_too_big_for_their_card_says_so_before_the_time_elsewhere(ask):
    # Gemma 2 9B's QLoRA needs ~15 GB (its 256k vocabulary's logits): over a 12 GB card
    text = ask("roughly how many hours to qlora gemma 2 9b over 30 million tokens on my 12 gb gpu?").text
    assert text.startswith("It does not fit your 12 GB card (about ")
    assert re.search(r"usable\)\. About \*\*[\d.]+ hours\*\*", text)
