"""A Hugging Face repository id run by a script is read as its weights as published (16-bit) unless the id names a
quantized release. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "running python chat.py --model Qwen/Qwen2.5-7B-Instruct on my macbook m2 pro 16gb gets killed, why?",
        "from_pretrained('mistralai/Mistral-Nemo-Instruct-2407') OOMs on my 3090",
    ],
)
def test_a_repo_id_run_by_a_script_is_sized_in_16_bit(read, question):
    assert read(question).details.precision == "bf16"


@pytest.mark.parametrize(
    "question",
    [
        "python run.py --model Qwen/Qwen2.5-7B-Instruct-AWQ on my 3060 12gb runs out of memory",
        "mlx_lm.generate --model mlx-community/Qwen2.5-7B-Instruct-4bit on my m2 8gb is killed",
        "can my 3060 run Qwen/Qwen2.5-7B-Instruct?",  # no run reported: every format is weighed
    ],
)
def test_a_quantized_release_or_a_plain_question_keeps_its_own_reading(read, question):
    assert read(question).details.precision != "bf16"
