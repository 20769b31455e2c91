"""A training run's time at the pace the user sees part-way leads the answer, scaled from what they saw, beside the
arithmetic's throughput on their card (phrasings in no evaluation set)."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_a_fraction_of_an_epoch_scales_to_the_whole_run(assistant):
    a = checked_answer(
        assistant,
        "LoRA on Llama 3 8B with an RTX 3090: 0.02 epochs took 36 minutes, when will one epoch finish?",
    )
    assert a.first_line.startswith("At the pace you see"), a.first_line
    assert "**30.0 hours**" in a.first_line and "tokens/s" in a.first_line


def test_steps_done_scale_to_the_steps_planned(assistant):
    a = checked_answer(
        assistant, "full fine-tune of Qwen2.5 0.5B on one L4, 500/20000 steps in 20 minutes, total time?"
    )
    assert "**13.3 hours**" in a.first_line, a.first_line
