"""A card they have against a card they would buy, for generation speed at home ('I currently have X, would buying Y
make it faster?'): each card's speed under llama.cpp with the layers it holds, Yes when the new card is clearly
faster. Phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_a_card_that_holds_the_whole_model_is_clearly_faster_than_one_that_offloads(ask):
    reply = ask("I'm on a 3060 12gb running qwen2.5 32b in lm studio. would buying a 3090 speed things up?")
    head = reply.text.split("\n")[0]
    assert head.startswith("**Yes**"), head[:200]
    assert "system RAM" in head and "RTX 3090" in head and "RTX 3060 12GB" in head
    speeds = [float(s) for s in re.findall(r"\*\*([\d.]+) tokens/s\*\*", head)]
    assert len(speeds) == 2 and speeds[0] > 2 * speeds[1]


def test_two_cards_that_both_hold_the_model_are_not_much_apart(ask):
    reply = ask(
        "currently have a 3090 and run llama 3 8b in ollama; would upgrading to a 4090 speed up generation?"
    )
    assert reply.text.startswith("**No**"), reply.text[:200]
