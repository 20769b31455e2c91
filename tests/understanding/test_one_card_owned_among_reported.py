"""The user's one card among cards a paper or recipe used ("they trained on 8 A100s; I only have a single 3090"): the
user's card is the one asked about, and the others are no machine of theirs to pool or run data-parallel on.
Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._several_cards import one_card_owned


@pytest.mark.parametrize(
    ("question", "card"),
    [
        (
            "The paper trained this TTS model on 8 A100 80GB; I only have a single RTX 3090 24GB and training OOMs. "
            "Is fine-tuning possible?",
            "RTX 3090",
        ),
        (
            "I tried to fine-tune the VITS recipe and it ran out of CUDA memory. The recipe trained on 4 V100 32GB "
            "GPUs, but my machine is equipped only with a Tesla T4 16GB. Is fine-tuning possible?",
            "T4",
        ),
        ("the README lists 2x H100 for training; we just have one L40S, will it work?", "L40S"),
    ],
)
def test_the_one_card_owned_is_the_users(read, question, card):
    details = read(question).details
    assert details.gpus == (card,) and details.gpu_count == 1 and not details.several_cards


@pytest.mark.parametrize(
    "question",
    [
        "Training works on a single GPU but OOMs with DDP on 4 A10s, why?",
        "I have two 3090s, can they pool memory for SDXL training?",
    ],
)
def test_several_cards_of_ones_own_are_no_one_card(question):
    assert one_card_owned(question) is None


def test_a_run_on_ones_one_gpu_gets_no_data_parallel_lead(converse):
    reply = converse(
        "Training YOLOv8 on a 12GB 3060 runs out of CUDA memory with batch 64, the authors used 4 V100s. Can I still "
        "train it on my one GPU?"
    )
    assert "data parallel" not in reply.text.split("\n")[0], reply.text
    assert "RTX 3060 12GB" in reply.text.split("\n")[0]


@pytest.mark.parametrize(
    "question",
    [
        "I only have 2 RTX 3090s, can they pool memory for training?",
        "we just have two A100s, is that enough?",
    ],
)
def test_only_having_several_cards_is_no_one_card(question):
    assert one_card_owned(question) is None


def test_a_mixed_pair_after_only_have_keeps_both_cards(read):
    details = read("I only have a 3090 and a 4090, can they pool their memory for SDXL training?").details
    assert len(details.gpus) == 2
