"""The KV cache's own size asked in other words ("memory needed for the KV cache", "KV cache footprint"), the
length each user holds ("20 users at 16k"), and "with 16" as a count, never money."""

from __future__ import annotations


def test_kv_cache_size_in_other_words(read):
    assert read("how much vram is used by the kv cache for mistral 7b at 32k?").details.wants_kv_math
    assert read("llama 3.1 8b kv cache memory usage with 10 users?").details.wants_kv_math


def test_length_each_user_holds(read):
    d = read("can an a10g serve phi-3 mini to 12 users with 4k each?").details
    assert (d.batch, d.context) == (12, 4096)
    assert read("the kv cache of gemma 2 9b at 8k, how big?").details.context == 8192


def test_a_count_after_with_is_not_a_budget(read):
    assert read("which gpu with 16 concurrent chats of llama 3 8b?").details.purchase_budget_usd is None
    assert read("with 3k to spend, which card for local llms?").details.purchase_budget_usd == 3000
