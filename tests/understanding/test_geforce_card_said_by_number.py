"""A GeForce card said by its number alone ('one 3070', 'a 4060 ti') is counted like its full name: one card,
never a count left for the planner to choose. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "full-weight training of qwen2.5 0.5b on one 3070?",
        "sft for llama 3.2 1b on a 4060 ti 16gb",
        "can a single 3080 handle a full finetune of a 1b model",
    ],
)
def test_one_card_said_by_its_number_is_one_card(read, question):
    assert read(question).details.gpu_count == 1


def test_a_count_before_the_number_still_counts(read):
    assert read("lora of qwen2.5 14b across three 3090 cards").details.gpu_count == 3


def test_the_card_spoken_of_as_a_kind_leaves_the_count_open(read):
    assert read("lora of qwen2.5 14b on 3090s, how many?").details.gpu_count is None
