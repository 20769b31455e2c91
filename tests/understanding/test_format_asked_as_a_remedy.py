"""A smaller format asked about as a remedy ("do I need to convert it to 4-bit?") is not the format the model is
in: the model is weighed as it ships, unless a format is also said outside that question. Phrasings in no
evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "vllm OOM with llama 3 8b on my 12gb card, do I need to convert the model to 4-bit?",
        "should i have to quantize mistral 7b to int8 for a T4?",
        "TGI fails to load gemma 2 9b on an a10g, would we need to go awq?",
    ],
)
def test_a_format_asked_as_a_remedy_is_not_the_models_format(read, question):
    assert read(question).details.precision is None


def test_a_format_said_outside_the_question_still_counts(read):
    assert (
        read("my llama 3 8b is fp16 and OOMs on 12gb, do I need to convert it to 4-bit?").details.precision
        == "fp16"
    )
