"""A message that opens with two cards joined by "or", then what they are for ("3060 12gb or 4060 ti for comfyui",
"an a10g or an l40s to serve qwen 7b?"), asks which to pick: the cards are weighed, not each given a Yes.
Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "3060 12gb or 4060 ti for comfyui",
        "an a10g or an l40s to serve qwen 7b?",
        "used 3090 or new 4070 ti super for flux",
    ],
)
def test_two_cards_joined_by_or_are_weighed(read, question):
    details = read(question).details
    assert details.cards_weighed and not details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "can a 3090 run flux or sdxl?",  # one card, two jobs
        "fine-tune or serve llama 8b on an a10g?",  # two jobs, one card
    ],
)
def test_one_card_is_not_a_pick(read, question):
    assert not read(question).details.cards_weighed


def test_the_pick_leads(assistant):
    reply = assistant.ask("3060 12gb or 4060 ti 16gb for sdxl", conversation_id="bare-or-pick")
    assert reply.text.startswith("**The ")
    assert "**Yes** on" not in reply.text.split("\n", 1)[0]
