"""Training-memory questions answered as asked. 'Max batch on a 24gb card' with only the memory stated: the largest
batch on a card of that memory (it used to say only that the job fits); a batch asked for an adapter run is a
training batch, and 'the biggest batch I can run?' asks a number, not a yes/no. 'Does gradient checkpointing save
much?': the job with it and without it. Real Assistant; phrasings in no evaluation set."""

from __future__ import annotations

import re

from assistant.sizing import Task
from assistant.understanding._understand import understand


def test_the_largest_batch_on_a_stated_memory_leads(converse):
    first = converse("largest micro batch for qlora of qwen2.5 7b on a 16gb gpu at 1024 tokens?").text.split(
        "\n"
    )[0]
    assert re.match(r"\*\*Batch \d+\*\* — ", first)
    assert "one 16 GB card" in first


def test_a_batch_for_an_adapter_run_is_training_and_not_a_yes_no(catalog, models):
    details = understand(
        "what's the biggest batch i could run for qlora of gemma 2 9b on 24gb?", catalog, models
    ).details
    assert details.task is Task.QLORA
    assert details.largest_batch and not details.yes_no


def test_a_checkpointing_question_gets_the_job_with_and_without_it(converse):
    yes_no = converse(
        "would activation checkpointing make a big difference for lora of mistral 7b at 4 x 2048?"
    )
    first = yes_no.text.split("\n")[0]
    assert first.startswith("**Yes**") and "with gradient checkpointing and about" in first
    amount = converse("how much vram does gradient checkpointing save on a full finetune of llama 3.2 1b?")
    assert re.match(r"About \*\*[\d.]+ GB\*\* — ", amount.text)


def test_ram_asked_for_offloading_beside_a_card_known_by_its_memory(converse):
    # the RAM beside "a 16gb gpu" is read, "offload" names llama.cpp's partial offload, and Yes answers the RAM
    first = converse("is 48gb of system ram enough to offload llama 3.3 70b with a 16gb gpu?").text.split(
        "\n"
    )[0]
    assert first.startswith("**Yes**, with partial offload")
    assert "48 GB of system RAM" in first and "tokens/s" in first
