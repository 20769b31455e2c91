"""A speed seen with many requests in flight is a total over the batch (or each one's, when said so): it is set
against the estimate at that batch, not against one sequence's speed. Real components; phrasings of our own."""

from __future__ import annotations

import re


def test_a_total_over_many_requests_is_judged_at_that_batch(ask):
    reply = ask(
        "our vllm box does about 1300 tokens/s total with 48 parallel requests of llama 3.1 8b on one A100 80GB, ok?"
    )
    first = reply.text.split("\n")[0]
    assert first.startswith("**Yes**")
    assert "48 sequences batched" in first
    assert "faster even than" not in first  # not set against the ~86 tokens/s of one sequence
    total = float(re.search(r"about \*\*([\d,]+) tokens/s\*\*", first).group(1).replace(",", ""))
    assert total > 500  # the estimate at batch 48 is a total of many sequences


def test_one_stream_is_still_judged_alone(ask):
    reply = ask("getting 30 tok/s from llama 3.1 8b in vllm on an A100 80GB with a single request, normal?")
    assert "sequences batched" not in reply.text.split("\n")[0]
