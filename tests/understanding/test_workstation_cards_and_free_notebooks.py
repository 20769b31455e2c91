"""A workstation card said with its A ("RTX A2000") is a card: the catalog's own (RTX A4000) is read as it, one the
catalog lacks is named as unlisted rather than dropped; Colab's free tier said with other words around it ("free google
colab", "colab (free)") is its one T4. Real catalog; phrasings in no evaluation set."""

from __future__ import annotations

import pytest


def test_a_workstation_card_the_catalog_lists_is_read_as_it(read):
    details = read("is an rtx a4000 ok for whisper large transcription?").details
    assert details.gpus == ("RTX A4000",) and details.unlisted_gpu is None


@pytest.mark.parametrize(
    ("question", "card"),
    [
        ("would an RTX A2000 be enough for yolov8 inference?", "RTX A2000"),
        ("our office box has a nvidia rtx a4500, can it run sdxl?", "RTX A4500"),
    ],
)
def test_a_workstation_card_the_catalog_lacks_is_named_as_unlisted(read, question, card):
    details = read(question).details
    assert details.unlisted_gpu == card and not details.gpus


@pytest.mark.parametrize(
    "question",
    [
        "any hope of running stable video diffusion on free google colab?",
        "is colab (free) enough to fine-tune a small bert?",
        "can the free tier of google colab train a yolo model?",
    ],
)
def test_colabs_free_tier_is_its_t4(read, question):
    assert read(question).details.gpus == ("T4",)


def test_a_paid_colab_runtime_is_not_the_free_t4(read):
    assert "T4" not in read("does colab pro with an a100 fit flux lora training?").details.gpus
