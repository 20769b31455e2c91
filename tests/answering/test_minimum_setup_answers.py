""" "What's the minimum GPU for it?": the fewest, smallest cards per weight format left open — the least hardware, not
the best-value rental in 16-bit. Phrasings in no evaluation set."""

from __future__ import annotations

import re

from assistant import load_catalog
from tests.support.checked_answers import checked_answer


def test_each_open_format_gets_its_least_hardware(assistant):
    answer = checked_answer(assistant, "bare minimum gpu needed for qwen2.5 32b?")
    first = answer.first_line
    assert first.startswith("**The least hardware that runs it**")
    assert "bf16:" in first and "4-bit (int4):" in first
    sizes = [float(m) for m in re.findall(r"one (\d+(?:\.\d+)?) GB card", first)]
    assert sizes and sizes[-1] < sizes[0]  # the 4-bit file needs a smaller card than 16-bit


def test_the_cards_named_hold_what_is_said(assistant):
    answer = checked_answer(assistant, "what's the smallest card that runs gemma 2 9b in int4?")
    m = re.search(r"about ([\d.]+) GB — one (\d+) GB card \(([^)]+)\)", answer.first_line)
    assert m and "int4" in answer.first_line and "bf16:" not in answer.first_line
    catalog = load_catalog()
    assert all(catalog.by_name(n.strip()).memory_gb == float(m[2]) for n in m[3].split(","))
    assert float(m[2]) > float(m[1])


def test_a_named_card_is_answered_for_that_card(assistant):
    answer = checked_answer(assistant, "is an rtx 4090 the minimum gpu for qwen2.5 32b in 4-bit?")
    assert not answer.first_line.startswith("**The least hardware")
