"""'How much GPU is needed to fine-tune X?' asks how much, not whether a GPU is needed at all: it gets the sizing,
never 'No — a GPU is not required'; 'is a GPU necessary to fine-tune X?' still gets that No. Phrasings here are in
no evaluation set."""

from __future__ import annotations

import pytest

from tests.support.checked_answers import checked_answer


@pytest.mark.parametrize(
    "question",
    [
        "how much gpu is required to finetune llama 3 8b with lora?",
        "What kind of GPU is needed to train Qwen2.5 3B fully?",
    ],
)
def test_how_much_gpu_gets_the_sizing(assistant, question):
    checked = checked_answer(assistant, question)
    assert "a GPU is not required" not in checked.draft, checked.first_line
    assert "GB" in checked.first_line


def test_whether_a_gpu_is_needed_still_says_no(assistant):
    checked = checked_answer(assistant, "is a gpu really necessary to fine-tune gpt2 small?")
    assert checked.first_line.startswith("**No** — a GPU is not required"), checked.first_line
