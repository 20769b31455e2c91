"""A size said of the model ("llama 3 8b is 8gb", "a 7b model in fp16 is 7 GB") is not the memory of the user's
card (phrasings in no evaluation set)."""

from __future__ import annotations


def test_the_models_claimed_size_is_not_the_card(read):
    assert read("mistral 7b is 7gb so my 12gb card handles it in bf16, yes?").details.stated_memory_gb == 12
    assert read("a 3b model at fp16 is only 3 GB, right?").details.stated_memory_gb is None
