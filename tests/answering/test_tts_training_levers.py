"""Training a speech-synthesis model that crashes or runs out of memory at a batch size ("fine_tune.py crashes with
batch 64"): read as training (a fine_tune script too), answered with the levers of TTS training, activation
checkpointing first. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.answering._compose._non_llm import TRAINING


@pytest.mark.parametrize(
    "question",
    [
        "Fine-tuning XTTS on my RTX 3060 12GB crashes with batch size 32, how can I make it fit?",
        "running fine_tune.py for XTTS v2 on a 16GB 4060 Ti: with batch 48 it crashes halfway",
    ],
)
def test_tts_training_that_crashes_at_a_batch_gets_its_levers(converse, question):
    reply = converse(question)
    assert "activation (gradient) checkpointing" in reply.text and "longest clips" in reply.text, reply.text


@pytest.mark.parametrize(
    "text", ["python fine_tune_cli.py --batch 16", "the fine-tune script", "finetune.py"]
)
def test_a_fine_tune_script_name_is_training(text):
    assert TRAINING.search(text)
