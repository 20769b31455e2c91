"""A KV-cache size question is answered with the cache's arithmetic first, and the total for the users asked."""

from __future__ import annotations


def test_footprint_for_several_users(converse):
    reply = converse("what's the kv cache size for llama 3.1 8b with 10 users at 32k?")
    first = reply.text.strip().splitlines()[0]
    assert first.startswith("**128 KiB of KV cache per token**"), first
    # 10 x 32,768 tokens x 131,072 bytes = 42.9 GB
    assert "10 sequences at once hold 42.9 GB" in first, first


def test_two_cache_widths_set_against_each_other_give_the_saving(converse):
    # Mistral 7B: 2 x 32 layers x 8 KV heads x 128 x 1 byte = 64 KiB per token in fp8; 32,768 tokens = 2.1 GB
    reply = converse("how much vram does an 8-bit kv cache save over fp16 for mistral 7b at 32k tokens?")
    assert reply.text.startswith("**64 KiB of KV cache per token**"), reply.text[:200]
    assert "A 16-bit (fp16/bf16) cache holds 4.3 GB for the same sequence" in reply.text
    assert "saves 2.1 GB per sequence (50%)" in reply.text


def test_a_sixteen_bit_cache_asked_beside_fp8_names_the_fp8_figure(converse):
    reply = converse("kv cache difference between bf16 and fp8 for qwen2.5 7b at 128k context?")
    assert "An fp8 cache holds" in reply.text or "fp8 cache saves" in reply.text, reply.text[:400]


def test_one_width_asked_alone_is_not_set_against_another(converse):
    reply = converse("how big is the kv cache for gemma 2 9b at 8k context?")
    assert "for the same sequence" not in reply.text
