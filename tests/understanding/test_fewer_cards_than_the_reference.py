"""A training run asked on fewer cards than the run it is set against ('the repo uses 4 H100s ... is a single GPU
enough?', 'trained on 8x A100 ... will 2 of them work?'): the smaller count is the setup asked about and the larger
one is kept as the count it is weighed against. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "asked", "reference"),
    [
        ("The paper used 4 H100s to LoRA-tune Mistral 7B. Is a single GPU enough for that?", 1, 4),
        ("They fine-tuned Qwen2.5 7B fully on 8x A100 80GB. Would 2 of them work for me?", 2, 8),
        ("README says 8 RTX 3090 for the LoRA stage of Llama 3 8B; can we do it on just 2 3090s?", 2, 8),
    ],
)
def test_the_smaller_count_is_asked_and_the_larger_weighed(read, question, asked, reference):
    details = read(question).details
    assert details.gpu_count == asked
    assert details.counts_weighed == (reference,)


def test_a_serving_question_keeps_its_own_reading(read):
    details = read("I serve Llama 3 8B on 4 L4s, is one L4 enough?").details
    assert details.gpu_count == 1


@pytest.mark.parametrize(
    "question",
    [
        "full fine-tune of qwen2.5 1.5b with max_seq_length 4096 on an a100 80gb goes OOM",
        "lora of llama 3 8b at seq len 2048 on my rtx 4090 runs out of memory",
        "can I qlora llama 3 70b on just one a100 80gb?",
    ],
)
def test_digits_of_a_sequence_length_or_card_name_are_no_reference_count(read, question):
    assert read(question).details.counts_weighed == ()
