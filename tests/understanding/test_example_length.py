"""A turn that only says how long each training example is, or names other hardware, answers the earlier
question with it: the examples counted before times that length are the data, and the earlier ask (how long)
stays. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._example_length import example_length


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("every sample is roughly 700 tokens", 700),
        ("our conversations are about 2k tokens", 2000),
        ("they are 300 to 500 tokens", 400),
        ("row length is maybe 4 hundred tokens", 400),
        ("about 1.2k tokens", 1200),
        ("the corpus is 30B tokens", None),
        ("what about 4096 tokens of context?", None),
    ],
)
def test_the_length_of_each_example(text, tokens):
    assert example_length(text) == tokens


def test_a_length_said_after_a_count_of_examples_makes_the_data(read):
    u = read(
        "QLoRA on Qwen2.5 7B with 80k examples using one L4, how long would it run?",
        "each one is ~900 tokens",
    )
    assert u.follow_up and u.details.wants_time
    assert u.details.tokens == pytest.approx(80_000 * 900)


def test_the_epochs_said_before_multiply_the_data(read):
    u = read(
        "full fine-tune of a 1B model on 30k samples for 2 epochs on an A10G, how long?",
        "samples are 1k tokens",
    )
    assert u.details.tokens == pytest.approx(30_000 * 1000 * 2) and u.details.wants_time


def test_other_hardware_said_alone_keeps_the_time_asked(read):
    u = read("LoRA on Mistral 7B over 40k examples on an RTX 4090, how long will it take?", "on a 3090 then")
    assert u.follow_up and u.details.wants_time and u.details.gpus == ("RTX 3090",)
