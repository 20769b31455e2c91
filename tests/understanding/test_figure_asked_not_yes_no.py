"""A bare 'X on Y?' is a yes/no (does it fit?) unless what it asks for is a figure: a speed, a price, a latency."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "typical tokens per second for qwen2.5 14b on a 4090, batch 1?",
        "throughput of llama 3 8b in fp8 on an L4 with 16 users?",
        "rough cost for gemma 2 27b on an a100 per month?",
        "latency for mistral 7b on a t4?",
    ],
)
def test_a_figure_asked_is_not_a_yes_no(read, question):
    assert read(question).details.yes_no is False


def test_a_bare_fit_question_stays_a_yes_no(read):
    assert read("qwen2.5 14b in q4 on a 12gb 3060?").details.yes_no is True


@pytest.mark.parametrize(
    "question",
    [
        "for a qlora of gemma 2 9b do we need to rent two cards",
        "to serve phi-4 in bf16 do i have to use tensor parallel",
        "is 10gb of vram not enogh for mistral 7b q8?",
    ],
)
def test_a_yes_no_inside_the_sentence_or_mistyped(read, question):
    assert read(question).details.yes_no is True


def test_an_open_question_with_need_is_not_a_yes_no(read):
    assert read("which card do we need for gemma 2 27b in bf16").details.yes_no is False


@pytest.mark.parametrize(
    "question",
    [
        "should I pick up an rtx 4080 or a used 3090 for comfyui?",
        "would you go with the A10G or the L4 for a small whisper service?",
        "do we rent an A100 or an H100 for this finetune of mistral 7b",
    ],
)
def test_a_choice_between_two_cards_is_not_a_yes_no(read, question):
    details = read(question).details
    assert details.yes_no is False and details.cards_weighed is True


@pytest.mark.parametrize(
    "question",
    [
        "should I get an rtx 4090 or not, for llama 3 8b?",
        "can I run llama 3 8b on a 4090, or more realistically a 3090?",
    ],
)
def test_or_not_and_one_card_and_a_hedge_stay_yes_no(read, question):
    assert read(question).details.yes_no is True


def test_two_cards_joined_by_or_and_a_comparative_are_a_choice(read):
    details = read("would a radeon 7900 xtx or an rtx 4080 be the smarter pick for whisper?").details
    assert details.yes_no is False and details.cards_weighed is True
