"""A GPU asked for a non-LLM training job with none named ("what GPU?", "which card should I rent", "what hardware
do I need"): the answer names one (the cheapest rental that holds the figure) in its first sentence, as it does
for a run. Phrasings of our own, in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "planning to train a flux lora for my product shots, what gpu would you pick?",
        "which card should I rent for fine-tuning whisper small?",
        "what hardware do I need to train an SDXL LoRA",
    ],
)
def test_a_training_job_asking_for_a_gpu_gets_one_named_first(assistant, question):
    reply = assistant.ask(question)
    assert reply.gpus, reply.text
    first = reply.text.split("\n")[0]
    assert first.startswith(f"The **{reply.gpus[0]}**") and "cheapest GPU to rent" in first
    assert reply.memory_gb is not None


def test_a_memory_question_about_training_names_no_rental(assistant):
    reply = assistant.ask("how many GB does a flux lora training run take?")
    assert not reply.text.startswith("The **")
