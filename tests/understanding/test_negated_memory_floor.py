"""A memory floor the user says they lack ("I don't have a GPU with more than 40GB") is a ceiling they are under,
not a filter on GPUs: the card they then say they have is their memory. A floor asked for still is a filter.
Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "memory"),
    [
        ("we don't have any gpu with more than 40gb. would the demo run on one 16gb card?", 16.0),
        ("no card over 24gb here; is a 12gb 3060-class card enough for the inference script?", 12.0),
    ],
)
def test_a_lacked_floor_leaves_the_card_said(read, question, memory):
    assert read(question).details.stated_memory_gb == memory


@pytest.mark.parametrize(
    "question",
    [
        "list gpus with at least 48gb for this",
        "I need more than 24gb for flux training on one card, which one?",
    ],
)
def test_a_floor_asked_for_is_no_card(read, question):
    assert read(question).details.stated_memory_gb is None


def test_a_ggml_file_type_says_the_precision(read):
    # the file type in a GGML/GGUF name is the weights' format, whatever a later "works when quantized" says
    assert (
        read("./main -m models/30B/ggml-model-f16.bin crashes, works when quantized").details.precision
        == "fp16"
    )
