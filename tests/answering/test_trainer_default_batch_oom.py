"""A fine-tune reported out of memory whose batch the user never gave: one sequence per step fits, the Hugging Face
Trainer's own default (per_device_train_batch_size 8) does not, so the answer sizes that default as the likely
setting behind the error and names the lever (a smaller per-device batch with gradient accumulation). A batch the
user states, or one a named tool sets, is sized as it is. Phrasings of our own, in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_an_oom_with_no_batch_said_sizes_the_trainer_default(assistant):
    answer = checked_answer(
        assistant,
        "would a single L40S do for LoRA on Qwen2.5 14B? my first attempt died with CUDA out of memory",
    )
    assert answer.first_line.startswith("**Only with one sequence per step")
    assert "per_device_train_batch_size is 8" in answer.draft
    assert "gradient_accumulation_steps" in answer.draft


def test_expected_oom_is_answered_by_the_unset_batch(assistant):
    answer = checked_answer(
        assistant,
        "full-parameter DPO of Llama 3 8B across four H100s throws OOM right away, is that to be expected?",
    )
    assert answer.first_line.startswith(
        "**Yes**, if the batch was left at the Hugging Face Trainer's default"
    )
    assert "chosen-and-rejected pairs" in answer.first_line


def test_a_stated_batch_is_not_second_guessed(assistant):
    answer = checked_answer(
        assistant,
        "would a single L40S do for LoRA on Qwen2.5 14B at batch size 1? my first attempt died with CUDA out of memory",
    )
    assert "per_device_train_batch_size is 8" not in answer.full


def test_another_frameworks_run_keeps_its_own_batch(assistant):
    answer = checked_answer(
        assistant,
        "would a single L40S do for a torchtune LoRA of Qwen2.5 14B? my first attempt died with CUDA out of memory",
    )
    assert "per_device_train_batch_size is 8" not in answer.full
