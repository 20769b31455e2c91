"""Two cards compared on price ("is A cheaper than B?", "A vs B hourly rate"): the on-demand medians lead, with a
Yes/No when an ordering is claimed — before the spec comparison. Phrasings here are in no evaluation set."""

from __future__ import annotations

import re

from assistant.answering._compose._format import money
from assistant.knowledge._market import gpu_market


def _first(assistant, question):
    return re.sub(r"[*_`]", "", assistant.ask(question).text).split("\n")[0]


def _median(assistant, card):
    return gpu_market(assistant.services.offerings, card).on_demand.median


def test_a_claimed_price_ordering_is_answered_yes_or_no_from_the_medians(assistant):
    l4, t4 = _median(assistant, "L4"), _median(assistant, "T4")
    first = _first(assistant, "is an L4 less expensive than a T4 to rent?")
    assert first.startswith("Yes" if l4 < t4 else "No")
    assert money(l4) in first and money(t4) in first


def test_a_price_comparison_leads_with_each_rate(assistant):
    first = _first(assistant, "A40 vs RTX A6000 hourly rate?")
    assert first.startswith("Median on-demand per GPU-hour")
    assert money(_median(assistant, "A40")) in first and money(_median(assistant, "RTX A6000")) in first
