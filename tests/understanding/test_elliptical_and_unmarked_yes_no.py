"""A yes/no asked without its subject and auxiliary ("runs on a 3070?", "possible on two a10s?") or without a question
mark (a message that ends on an inverted clause: "..., so can I run it on my 3080") is a yes/no question; a bracketed
aside after it does not hide it, and an open question word still asks for something else. Phrasings here are in no
evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "Runs on a 3070 8GB? [Phi-3 mini]",
        "works with 10gb of vram? [Qwen2.5 7B, int4]",
        "Available for a 12GB card, e.g. a 4070? [Gemma 2 9B]",
        "possible to fine-tune llama 3 8b with qlora on one t4?",
        "Still usable on an old 1080 ti for mistral 7b in q4?",
        "Compatible with a single a10g for serving llama 3 8b?",
        "Enough on two 4060 ti 16gb for a 14b model?",
    ],
)
def test_an_elliptical_question_is_a_yes_no(read, question):
    assert read(question).details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "Hi, thanks for the repo. Our box has a single 20G card, does that mean we cannot serve the 13B chat model [Llama 2 13B]",
        "I bought an rtx 4070 ti super last week, so can I fine-tune mistral 7b with lora on it",
        "quick one - is my 16gb 4080 going to hold qwen2.5 14b in q4",
    ],
)
def test_a_message_ending_on_an_inverted_clause_is_a_yes_no(read, question):
    assert read(question).details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "Supported cards for vLLM?",
        "Running llama 3 70b on two 3090s. How many tokens per second?",
        "Works fine on my 3090 in q4. How much more memory would q8 take?",
        "I have a 4090 and a 3060 in one pc, can you explain how llama.cpp splits the layers",
        "Qwen2.5 7B loads fine on my 3060 12GB.",
    ],
)
def test_open_or_stated_messages_stay_open(read, question):
    assert not read(question).details.yes_no


@pytest.mark.parametrize(
    "question",
    [
        "Can an RTX A6000 handle Llama 2 13B in full bf16 fine-tuning?",
        "Fine-tuning Qwen2.5 3B in full on my 3060 runs out of memory, expected?",
        "i want to train mistral 7b in full on two a100 40gb, enough?",
    ],
)
def test_full_said_beside_the_fine_tune_is_the_method(read, question):
    from assistant.sizing import Task

    details = read(question).details
    assert details.task is Task.FULL and not details.method_unstated


@pytest.mark.parametrize(
    "question",
    [
        "Can I fine-tune Llama 3 8B in full precision on a 4090?",
        "can I train qwen2.5 7b in full context on one h100?",
    ],
)
def test_full_precision_or_context_is_no_method(read, question):
    assert read(question).details.method_unstated


def test_a_conditional_question_after_a_setting_out_is_a_yes_no(read):
    question = (
        "Two L4s run out of memory on my segmentation training. When I switch to four L4s does it go through?"
    )
    assert read(question).details.yes_no
