"""A KV-cache size question is answered with the cache's arithmetic first, and the total for the users asked."""

from __future__ import annotations


def test_footprint_for_several_users(converse):
    reply = converse("what's the kv cache size for llama 3.1 8b with 10 users at 32k?")
    first = reply.text.strip().splitlines()[0]
    assert first.startswith("**128 KiB of KV cache per token**"), first
    # 10 x 32,768 tokens x 131,072 bytes = 42.9 GB
    assert "10 sequences at once hold 42.9 GB" in first, first
