"""A repository's own training script (issue 9, session 18): with no method said, the answer says what such a
script runs — a full fine-tune unless its name or flags say LoRA — and that as shipped it will not run where only
LoRA / QLoRA fit; a fine-tune with no script named keeps the plain per-method verdict. Phrasings in no evaluation
set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_the_authors_training_script_is_judged_as_a_full_fine_tune(assistant):
    answer = checked_answer(
        assistant, "would the authors' training code run on one L40S if the base is qwen2.5 14b?"
    )
    assert answer.first_line.startswith("**Only with LoRA or QLoRA**"), answer.first_line
    assert "training script runs" in answer.first_line and "will not run there" in answer.first_line


def test_a_train_sh_with_default_settings_is_a_full_fine_tune(assistant):
    answer = checked_answer(
        assistant, "is a single 24gb a5000 ok to launch train.sh with its default settings on gemma 2 9b?"
    )
    assert "as it ships will not run there" in answer.first_line, answer.first_line


def test_a_lora_script_is_judged_as_lora(assistant):
    answer = checked_answer(assistant, "bash finetune_lora.sh on mistral 7b with one rtx a5000, will it fit?")
    assert "training script runs" not in answer.first_line, answer.first_line
    assert "LoRA" in answer.first_line


def test_no_script_named_keeps_the_per_method_verdict(assistant):
    answer = checked_answer(assistant, "can gemma 2 9b be fine-tuned on one 24gb a5000?")
    assert answer.first_line.startswith("**Only with"), answer.first_line
    assert "training script" not in answer.first_line


def test_a_full_fine_tune_that_fits_only_sharded_states_the_micro_batch_it_was_sized_at(assistant):
    answer = checked_answer(assistant, "could qwen2.5 7b be fine-tuned on a box with 4 l40s cards?")
    assert answer.first_line.startswith("**Yes, with LoRA or QLoRA**"), (
        answer.first_line
    )  # full: tight at batch 8
    assert "only sharded" in answer.first_line and "micro-batch 1" in answer.first_line
    assert "gradient accumulation" in answer.first_line


def test_a_micro_batch_said_gets_no_micro_batch_caveat(assistant):
    answer = checked_answer(
        assistant, "could qwen2.5 7b be fine-tuned on a box with 4 l40s cards at batch size 1?"
    )
    assert "as sized, at micro-batch 1" not in answer.first_line
