"""Memory told as a spec list, the way issue templates ask for it ("RAM: 32GB", "VRAM - 12GB", "GPU = 16 GB"): the
RAM is the system's, the VRAM the card's, whatever order and separator; and a card reported not to fit is one card.
Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "System memory: 64GB, VRAM: 16GB. Will mixtral 8x7b q4_k_m run?",
        "Specs — RAM - 64GB, VRAM - 16GB. can I run mixtral 8x7b q4_k_m?",
        "RAM = 64 GB, GPU = 16 GB; does mixtral 8x7b q4_k_m work?",
        "Main memory: 64 GB / GPU: 16 GB — mixtral 8x7b q4_k_m possible?",
    ],
)
def test_ram_and_vram_from_a_spec_list(read, question):
    details = read(question).details
    assert details.stated_memory_gb == 16
    assert details.host_ram_gb == 64
    assert not details.cpu_only


def test_a_ram_label_before_a_number_keeps_it_off_the_card(read):
    details = read("PC memory - 48GB VRAM - 8GB, can I run qwen 14b?").details
    assert details.stated_memory_gb == 8
    assert details.host_ram_gb == 48


def test_a_card_reported_not_to_fit_is_one_card(read):
    assert read("Qwen 72B doesn't fit on the L40S I rented, it won't load").details.gpu_count == 1
    assert read("I tried Llama 3 70B on an RTX 4090 and it does not fit").details.gpu_count == 1


def test_several_cards_keep_their_count_unsaid(read):
    assert read("it does not fit on two A10Gs, what now? llama 70b").details.gpu_count == 2
