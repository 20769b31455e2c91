"""Training on NVIDIA cards without bf16 (T4, V100, P100, RTX 20xx, by the catalog's ``bf16`` field): the answer
says to train in fp16 instead (fine-tuning recipes set bf16, which those cards refuse), whether or not the question
says bf16; a pasted bf16 refusal with no card named is explained the same way. Inference on such a card and training
on an Ampere card get no such note. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from tests.support.checked_answers import checked_answer

_FP16 = "train in fp16 instead (`fp16=True, bf16=False`"


@pytest.mark.parametrize(
    "question",
    [
        "Can I LoRA-train Llama 3 8B on a Tesla T4?",
        "how much vram to fully fine-tune Qwen2.5 0.5B on two V100 32GB",
        "is a P100 okay for full fine-tuning of GPT-2 medium in bf16?",
    ],
)
def test_training_on_a_card_without_bf16_says_fp16(assistant, question):
    checked = checked_answer(assistant, question)
    assert _FP16 in checked.draft, checked.draft
    assert "has no bf16" in checked.draft


def test_a_pasted_bf16_refusal_with_no_card_named_is_explained(assistant):
    checked = checked_answer(
        assistant,
        'QLoRA fine-tuning a 1B model on Kaggle fails with "bf16 mixed precision requires PyTorch >= 1.10 and a supported '
        'device". Can I just use fp16?',
    )
    assert "That bf16 error means your GPU has no bf16" in checked.draft, checked.draft
    assert _FP16 in checked.draft


def test_inference_on_a_t4_and_training_on_an_ampere_card_get_no_training_note(assistant):
    served = checked_answer(assistant, "Can I run Llama 3 8B inference on a T4?")
    assert _FP16 not in served.full
    trained = checked_answer(assistant, "can i LoRA fine-tune Llama 3 8B on an RTX 3090?")
    assert "has no bf16" not in trained.full


def test_a_bf16_run_asked_on_a_card_without_it_is_yes_with_fp16_where_it_fits(assistant):
    checked = checked_answer(
        assistant,
        "Planning a LoRA of Qwen2.5 1.5B on a Tesla V100 32GB with bf16 enabled, will it go through?",
    )
    assert checked.first_line.startswith("**Yes, with fp16 instead of bf16** —"), checked.first_line


def test_a_bf16_run_that_does_not_fit_anyway_keeps_its_no(assistant):
    checked = checked_answer(assistant, "can I full finetune llama 3 8b in bf16 on one t4?")
    assert checked.first_line.startswith("**No**"), checked.first_line
