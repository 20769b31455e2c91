"""Answers put 'an' before a format, card or size spoken with a vowel sound ('an fp8 cache', 'an 8B-parameter')."""

from __future__ import annotations


def test_an_eight_bit_kv_cache_set_against_sixteen_bit(converse):
    reply = converse(
        "what does the kv cache per token come to for phi-3 mini, comparing an fp16 cache with fp8?"
    )
    assert "An fp8 cache holds" in reply.text or "an fp8 cache" in reply.text, reply.text[:400]
    assert "a fp8" not in reply.text.lower()


def test_an_unnamed_eight_billion_model_is_an_8b_parameter_model(converse):
    reply = converse("would LoRA on a home-made 8B transformer squeeze onto one RTX 4090?")
    text = reply.text + str(reply.details)
    assert "an 8B-parameter model" in text, text[:400]
    assert "a 8B" not in text


def test_a_card_bought_is_named_with_its_article(converse):
    reply = converse("what would a new RTX 4080 set me back to buy?")
    assert "a RTX" not in reply.text and "a **RTX" not in reply.text, reply.text[:300]
