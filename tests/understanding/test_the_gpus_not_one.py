"""'On the same GPUs', 'the GPUs' speak of the cards without counting them: no count of one is read from 'the';
a number after it, or 'a GPU', still counts; time a user holds hardware for is a deadline ('for 2 weeks')."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "PPO on Llama 3 8B with the reward model living on the same GPUs — how many A100 80GB?",
        "online DPO with generation on the GPUs themselves, Qwen2.5 14B, how many H200s?",
    ],
)
def test_the_gpus_are_no_count(read, question):
    assert read(question).details.gpu_count is None


def test_a_number_after_the_still_counts(read):
    assert read("full finetune Mistral 7B, each of the 4 GPUs has 40GB; enough?").details.gpu_count == 4


@pytest.mark.parametrize(
    ("question", "hours"),
    [
        ("I have 16 H100s for 3 days, how many tokens can a 1B model see?", 72),
        ("we could rent 8 A100s for a week — how much pretraining data for a 350M model?", 168),
    ],
)
def test_hardware_held_for_a_time_is_a_deadline(read, question, hours):
    assert read(question).details.deadline_hours == hours
