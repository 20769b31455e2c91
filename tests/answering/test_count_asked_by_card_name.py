"""'What's the minimum number of 3090s ...?' asks for a count as 'how many GPUs' does: the answer opens with the
count, not a Yes. Phrasings of our own, in no evaluation set."""

from __future__ import annotations


def test_the_least_number_of_a_named_card_leads_with_the_count(assistant):
    reply = assistant.ask("smallest number of 3090s for a full fine-tune of qwen2.5 7b with zero3?")
    first = reply.text.split("\n")[0]
    assert not first.startswith("**Yes")
    assert "x RTX 3090" in first
