"""A card known only by its memory, asked about as the subject of a yes/no ('…, 16GB card fine?') is the user's
card: its memory is read and the question is a yes/no. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "memory"),
    [
        ("orpo on gemma 2 2b with lora; 12gb card okay?", 12.0),
        ("rloo on qwen2.5 0.5b, 8 samples per prompt. 16 GB card fine?", 16.0),
    ],
)
def test_a_card_by_its_memory_asked_ok_is_the_users_card(read, question, memory):
    details = read(question).details
    assert details.stated_memory_gb == memory
    assert details.yes_no


def test_a_model_file_size_is_still_not_a_card(read):
    assert read("the 14gb checkpoint downloads fine, what gpu for lora?").details.stated_memory_gb is None
