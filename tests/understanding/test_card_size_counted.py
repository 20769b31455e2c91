"""A count asked of cards of one size ("how many 48GB GPUs", "how many cards with 80 GB each") restricts the
cards counted to that size; it is neither a floor nor the user's own card. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("how many 48GB GPUs would Mixtral 8x22B need under vLLM?", 48),
        ("Gemma 3 27B in bf16: needs how many cards of 16 GB?", 16),
        ("how many accelerators with 80gb each for DeepSeek-V3 in fp8?", 80),
    ],
)
def test_the_card_size_counted(read, text, size):
    details = read(text).details
    assert details.card_memory_gb == size
    assert details.stated_memory_gb is None and details.min_memory_gb is None


def test_a_named_card_or_a_floor_is_not_a_card_size(read):
    assert read("how many L40S do I need for Llama 3 70B?").details.card_memory_gb is None
    assert read("cheapest GPU with at least 48 GB for Qwen2.5 32B?").details.card_memory_gb is None
