"""A fine-tune asked on fewer GPUs than a reference run says how to keep the same global batch (gradient
accumulation raised by the ratio) and that each step takes that much longer. Phrasings here are in no evaluation
set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_one_card_instead_of_eight_raises_accumulation_eightfold(assistant):
    checked = checked_answer(
        assistant,
        "The authors LoRA-tuned Llama 2 7B on 8 A100 40GB. Is one A100 40GB enough to reproduce it?",
    )
    assert checked.first_line.startswith("**Yes**"), checked.first_line
    assert "On 1 GPU instead of 8" in checked.draft
    assert "`gradient_accumulation_steps` 8x" in checked.draft


def test_the_same_count_gets_no_note(assistant):
    checked = checked_answer(assistant, "can I LoRA fine-tune Llama 2 7B on one A100 40GB?")
    assert "gradient_accumulation_steps" not in checked.draft
