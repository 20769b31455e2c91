"""'Does <the work> need <a card>?' is the necessity question too ('do I need an A100 for it?'): No with the smaller
card that holds it; for a training run that smaller card is a CUDA one, where the fine-tuning stack runs. Phrasings
here are in no evaluation set."""

from __future__ import annotations

import re

from tests.support.checked_answers import checked_answer


def test_the_work_as_the_subject_of_needing_a_card_is_a_necessity_question(assistant):
    checked = checked_answer(assistant, "Does a QLoRA run on Llama 2 13B really need an A100 80GB?")
    assert checked.first_line.startswith("**No** — about"), checked.first_line
    assert "smaller card holds" in checked.first_line


def test_a_training_runs_smaller_card_is_a_cuda_one(assistant):
    checked = checked_answer(assistant, "is an a100 required to train mistral 7b with lora?")
    assert "smaller card holds" in checked.first_line, checked.first_line
    assert not re.search(r"\((?:the )?(?:RX|Radeon|Arc|Instinct)", checked.first_line), checked.first_line
