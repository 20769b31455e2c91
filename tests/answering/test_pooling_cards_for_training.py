"""Training an image, video or speech model, asked whether two cards' memory adds up ("24gb+24gb?", "would it use
both GPUs, adding their VRAM?"): No — its trainers run data parallel, every GPU holding a whole copy; an LLM (which
FSDP / ZeRO-3 shard) and generation on two cards are not answered so. Phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest

from tests.support.checked_answers import checked_answer


def _lead(checked) -> str:
    return re.sub(r"[*_`]", "", checked.first_line)


@pytest.mark.parametrize(
    "question",
    [
        "For SD 1.5 DreamBooth training, will my two 2080 Ti cards combine to 22 GB?",
        "training an SDXL LoRA keeps running out of memory; can I add a second 4060 Ti so it has 16gb+16gb?",
    ],
)
def test_two_cards_do_not_pool_memory_for_one_training_run(assistant, question):
    lead = _lead(checked_answer(assistant, question))
    assert lead.startswith("No — ") and "data parallel" in lead, lead  # the general pooling lead may word it


def test_an_llm_fine_tune_on_two_cards_is_not_answered_so(assistant):
    lead = _lead(checked_answer(assistant, "Can I QLoRA Llama 3 8B using both of my 3060s, 12gb+12gb?"))
    assert "data parallel, each GPU holding a whole copy" not in lead, lead


def test_generation_on_two_cards_is_not_answered_so(assistant):
    lead = _lead(checked_answer(assistant, "Would SDXL image generation use both GPUs of my 2x 4060 Ti box?"))
    assert "trainers run data parallel" not in lead, lead
