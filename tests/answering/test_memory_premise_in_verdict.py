"""A memory the user states wrongly for a card is corrected in the verdict's own first sentence, in words, and read
however it is said ('the 48gb on an L4', 'A10G = 48GB', 'L4 memory is 48gb'). Phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest


def _first_sentence(text: str) -> str:
    plain = text.replace("**", "")
    return re.split(r"(?<=[.!?])\s", plain, maxsplit=1)[0]


@pytest.mark.parametrize(
    "question, card, actual",
    [
        ("since the L4 comes with 48 gb, qwen2.5 72b in int4 fits on it, right?", "L4", "24 GB"),
        ("with the 80gb on an rtx 4090 i can run llama 3 70b in 8 bit, correct?", "RTX 4090", "24 GB"),
        ("T4 memory is 24gb so codellama 34b at 4-bit goes on one, yes?", "T4", "16 GB"),
    ],
)
def test_the_stated_memory_is_corrected_in_the_verdict(converse, question, card, actual):
    reply = converse(question)
    first = _first_sentence(reply.text)
    assert re.match(r"(No|Only|Not)\b", first), first
    assert f"the {card} has {actual}, not" in first, first
    assert reply.text.count(f"{card} has {actual}, not") == 1


def test_a_usage_figure_on_a_card_is_no_premise(converse):
    reply = converse("vllm takes 20gb on an a10g when serving llama 3 8b, is that normal?")
    assert "not 20 GB" not in reply.text
