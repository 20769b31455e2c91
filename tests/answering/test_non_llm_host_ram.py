"""System RAM asked of a non-LLM model on a GPU ("how much system memory?", "my 16 GB of RAM is not enough", "would
a bigger page file help?"): the answer says what a load holds in RAM and that swap gets it through, before the GPU
figures (phrasings of our own, in no evaluation set)."""

from __future__ import annotations

import pytest

from assistant.understanding._local import asks_host_ram


@pytest.mark.parametrize(
    "question",
    [
        "I have an RTX 3060 12GB but only 8GB of RAM and SDXL freezes while loading the checkpoint. How much system "
        "memory do I need?",
        "CogVideoX 2B won't load, my laptop has 16 GB RAM and a 4070 8GB; would adding swap space fix it?",
        "Is 32GB of RAM enough to run HunyuanVideo with a 4090?",
    ],
)
def test_system_ram_asked_is_answered_with_ram_and_swap(converse, question):
    reply = converse(question)
    first = reply.text.split("\n")[0]
    assert first.startswith("**System RAM:**") and "swap" in first and "page file" in first, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "would swap help?",
        "I added 32GB swap and it still dies",
        "How much RAM (not VRAM) does CogVideoX-5B need?",
        "16 GB of RAM is not enough for HunyuanVideo, the loader dies",
    ],
)
def test_host_ram_is_read(question):
    assert asks_host_ram(question)


@pytest.mark.parametrize(
    "question",
    [
        "use blocks_to_swap 20 for flux lora on 12gb",
        "with swap blocks set to 10 it still OOMs",
        "should I swap the 3090 for a 4090?",
        "my 12GB GPU RAM is not enough for flux",
        "how much ram does sdxl need",  # RAM alone is often said of the card: not read as the machine's
    ],
)
def test_block_swap_a_card_swap_or_the_cards_ram_is_not_host_ram(question):
    assert not asks_host_ram(question)


@pytest.mark.parametrize(
    "question", ["Is my 3060 with 12GB RAM enough for SDXL?", "rtx 4060 8gb ram not enough for flux"]
)
def test_ram_that_is_the_cards_memory_gets_no_system_ram_note(converse, question):
    reply = converse(question)
    assert not reply.text.startswith("**System RAM:**"), reply.text
