"""Answers for the low-memory training runs people name: torchtune's single-device full fine-tune (bf16 weights,
optimizer step in the backward, paged 8-bit AdamW) and a GRPO run left at TRL's lengths. Every number printed is
checked against the facts; phrasings here are in no evaluation set."""

from __future__ import annotations

import re

from tests.support.checked_answers import checked_answer


def _gb(text: str) -> float:
    return float(re.search(r"about \*{0,2}(\d+(?:\.\d+)?) GB", text).group(1))


def test_torchtune_single_device_full_fine_tune_fits_a_24gb_card(assistant):
    answer = checked_answer(
        assistant, "can torchtune's full_finetune_single_device recipe train qwen2.5 3b in full on my 3090?"
    )
    assert answer.first_line.startswith("**Yes**")
    assert "optimizer_in_bwd" in answer.full
    assert _gb(answer.first_line) < 24


def test_the_same_model_with_the_usual_adamw_does_not(assistant):
    answer = checked_answer(
        assistant, "full fine-tune of qwen2.5 3b with the HF Trainer and AdamW on my 3090?"
    )
    assert answer.first_line.startswith("**No**")


def test_grpo_with_no_length_states_trls_lengths_and_a_smaller_figure(assistant):
    answer = checked_answer(assistant, "qlora grpo of llama 3.2 3b with trl, would a 16gb 4060 ti be enough?")
    assert "512-token prompt and a 256-token completion" in answer.full
    assert answer.first_line.startswith("**Yes**")
