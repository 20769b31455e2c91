"""Understanding reads whether the user runs a repository's own training script (its defaults), so composing the
answer looks at the details, not the question's words; the reading is the message's own, not carried over to a
follow-up. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "can I launch the official sft script for qwen2.5 7b on two 3090s?",
        "python finetune_qwen.py on llama 3 8b, enough with one a6000?",
        "fine-tune phi-3 mini with the default hyperparameters on a 4070, ok?",
    ],
)
def test_a_repositorys_script_is_read(read, question):
    assert read(question).details.runs_script


def test_a_method_of_ones_own_is_no_script(read):
    assert not read("can I lora tune qwen2.5 7b on two 3090s?").details.runs_script


def test_a_follow_up_does_not_keep_the_script(read):
    first = "run the repo's training script on gemma 2 9b with one l4, will it fit?"
    assert read(first).details.runs_script
    assert not read(first, "and with qlora on an a100?").details.runs_script
