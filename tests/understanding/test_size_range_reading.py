"""A range of model sizes ("3b-8b models", "anything from 1.5B to 7B") is sized at its largest, which decides
whether a card holds them all, and the answer says so (issue 9, session 21): it sized the first number said."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "params"),
    [
        ("would a 16gb card be ok for qlora on 2b-9b models?", 9e9),
        ("what gpu for serving anything from 1.5B to 7B with vllm", 7e9),
        ("i only run models between 3b and 14b, is a 4070 fine?", 14e9),
        ("lora on 500m to 3b models, cheapest card?", 3e9),
    ],
)
def test_the_largest_size_of_a_range_is_sized(read, question, params):
    details = read(question).details
    assert details.params == params
    assert "the largest of the" in details.model_note


@pytest.mark.parametrize(
    "question",
    [
        "can llama-3-8b run on a 3060?",  # a model's name with a version and a size, not a range
        "qwen2.5-7b or qwen2.5-14b on a 4090?",  # two models named
        "a 7b model on a 12gb card?",
    ],
)
def test_a_name_or_one_size_is_no_range(read, question):
    note = read(question).details.model_note or ""
    assert "the largest of the" not in note
