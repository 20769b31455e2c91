"""'My engine only runs N sequences at once, why?': the KV cache's room after the weights within the engine's share,
over one sequence's cache, with each lever and what it gives. Phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_the_room_arithmetic_leads_with_the_bytes_per_token(ask):
    text = ask("tgi on my l40s only handles 9 requests at a time serving mistral 7b, how come?").text
    first = text.split("\n")[0]
    assert first.startswith("**The KV cache's room decides it.** On one L40S")
    assert "128 KiB" in first and "2 (a key and a value) x 32 layers x 8 KV heads x 128 values" in first
    held = float(re.search(r"about ([\d.]+) sequences of", first).group(1))
    assert held > 9  # 43 GB less 14.5 GB of weights holds far more than 9 at 4k: a longer context is implied
    assert "tokens each" in first


def test_the_levers_each_give_more(ask):
    text = ask("vllm only fits 6 seqs at once for qwen2.5 14b on a single a6000, why?").text
    levers = text.split("**To fit more at once**, any of: ")[1].split("\n")[0]
    assert "`--kv-cache-dtype fp8`" in levers and "shorter `--max-model-len`" in levers
    held = float(re.search(r"about ([\d.]+) sequences of", text).group(1))
    fp8 = float(re.search(r"half the bytes per token: about (\d+)", levers).group(1))
    assert fp8 >= 1.8 * held


def test_a_logged_concurrency_below_the_estimate_says_the_engine_found_less_room(ask):
    text = ask(
        "vLLM prints Maximum concurrency for 32768 tokens per request: 1.2x with llama 3.1 8b on an h100, normal?"
    ).text
    first = text.split("\n")[0]
    assert "sequences of 32,768 tokens" in first and "the engine found about" in first
