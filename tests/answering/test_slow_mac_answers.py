"""A Mac that crawls on a model whose usual GGUF fits its GPU share: the likely cause first (16-bit weights that
do not fit and swap, or a run that is not on the GPU), not a bare 'Yes, it fits'."""

from __future__ import annotations


def test_a_crawl_on_a_mac_with_no_format_said_points_at_unquantized_weights(assistant):
    reply = assistant.ask(
        "qwen 2.5 7b on my macbook pro m1 pro 16gb gives like 2 tokens per minute, why so bad?"
    )
    first = reply.text.split("\n")[0]
    assert first.startswith("**Unquantized it does not fit, so it swaps**"), reply.text
    assert "Quantized it fits" in first and "tokens/s" in first


def test_a_crawl_on_a_mac_with_a_gguf_said_that_fits_says_it_should_not_be_slow(assistant):
    reply = assistant.ask("llama 3.1 8b q4_k_m is painfully slow on my m2 pro 32gb in llama-cpp-python")
    first = reply.text.split("\n")[0]
    assert first.startswith("**It fits in the memory the GPU may use, so it should not be slow**"), reply.text
    assert "-ngl 99" in first and "Rosetta" in first
