"""Two fine-tuning methods set against each other to choose one ("lora or qlora, which?") are read as such: each
method is sized, the question is not a yes / no, and the choice does not carry into later turns. Phrasings here are
in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "weighed"),
    [
        ("qlora vs lora on a 12gb 3060 for gemma 2 9b, which do you recommend?", ("qlora", "lora")),
        (
            "full fine-tuning or lora for phi-3 mini on an a100 40gb - which should i go with?",
            ("full", "lora"),
        ),
        ("better to do a full finetune or qlora of llama 3 8b?", ("full", "qlora")),
    ],
)
def test_a_choice_between_methods_is_read(read, question, weighed):
    details = read(question).details
    assert details.methods_weighed == weighed
    assert details.method_unstated and not details.yes_no


def test_methods_named_without_a_choice_are_not_a_choice(read):
    assert read("can I do lora or qlora of qwen2.5 3b on 6gb?").details.methods_weighed == ()
    assert read("I fine-tuned with lora, is qlora slower?").details.methods_weighed == ()


def test_the_choice_is_that_questions_own(read):
    u = read("qlora vs lora on a 12gb 3060 for gemma 2 9b, which do you recommend?", "and on a 4090?")
    assert u.details.methods_weighed == ()


def test_methods_set_side_by_side_in_a_bare_question_are_a_choice(read):
    assert read("lora or full finetune for qwen2.5 7b if i rent one h100?").details.methods_weighed == (
        "lora",
        "full",
    )
    assert (
        read("my plan is lora or qlora on llama 3 8b, then vllm to serve it.").details.methods_weighed == ()
    )
