"""A generation speed the user reports above what reading the weights at the card's full memory bandwidth allows is
not 'normal' for the format sized: a total over batched requests when a full batch reaches it, else a leaner build,
speculative decoding or a total. A per-user speed said as reached and judged is a reading, not a target. Phrasings
in no evaluation set."""

from __future__ import annotations

import re


def test_a_single_stream_beyond_the_ceiling_is_not_the_format_sized(ask):
    first = ask("our users see 60 tok/s per user with mistral 7b on an a10g, is that expected?").text.split(
        "\n"
    )[0]
    assert first.startswith("**Not with Mistral 7B in bf16**")
    ceiling = float(re.search(r"at most about ([\d,]+) tokens/s", first).group(1))
    assert ceiling < 60 and "speculative decoding" in first


def test_a_total_within_a_full_batch_is_a_batched_total(ask):
    first = ask(
        "vllm shows 3000 tokens/s generation throughput with llama 3.1 8b on one h100, is that normal?"
    ).text
    first = first.split("\n")[0]
    assert first.startswith("**Yes, as a total over batched requests**")
