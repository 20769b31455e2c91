"""'How many tokens can I train on in a month with 8 H100s?' asks for the data the time allows: tokens = training
throughput per GPU x GPUs x hours, not the time a compute-optimal dataset takes. Phrasings here are in no
evaluation set."""

from __future__ import annotations

import re


def test_the_tokens_a_time_budget_allows_lead(converse):
    reply = converse("if we pretrain a 3b from scratch on 16 h100s, how many tokens can it see in two weeks?")
    lead = reply.text.split("\n")[0]
    found = re.search(r"About \*\*([\d.,]+)B tokens\*\* in 14\.0 days on 16 x H100 SXM", lead)
    assert found is not None, lead
    per_gpu = float(re.search(r"about ([\d,]+) tokens/s per GPU", lead).group(1).replace(",", ""))
    expected = per_gpu * 16 * 14 * 24 * 3600 / 1e9
    assert abs(float(found.group(1).replace(",", "")) - expected) / expected < 0.02
