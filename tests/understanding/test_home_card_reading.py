"""Graphics cards people own (issue 9, local): older and mid-range GeForce / Radeon cards are read as the
product they are (a 3080 Ti is not a 3080, a laptop 3060 is not the desktop one), a card the catalog does not
list is named as such with the memory said next to it, and a home card without serving or PyTorch cues is
sized for a local runtime. Real catalog; phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "gpu"),
    [
        ("will my geforce gtx1650 handle qwen 2.5 3b?", "GTX 1650"),
        ("got a 3080ti, llama 3 8b ok?", "RTX 3080 Ti"),
        ("asus laptop w/ rtx 3060 laptop gpu, mistral 7b?", "RTX 3060 Laptop"),
        ("my old 2080 ti - is gemma 2 9b possible", "RTX 2080 Ti"),
        ("Radeon 7900 XT here. qwen2.5 14b?", "RX 7900 XT"),
        ("rx6700xt + ollama, which model", "RX 6700 XT"),
        ("1660 super enough for phi-3 mini?", "GTX 1660 Super"),
    ],
)
def test_a_home_card_is_read_as_its_own_product(read, question, gpu):
    details = read(question).details
    assert details.gpus == (gpu,)
    assert details.unlisted_gpu is None


@pytest.mark.parametrize(
    ("question", "card", "memory"),
    [
        ("I've got a GTX 980 Ti with 6GB, how fast would deepseek r1 7b go?", "GTX 980 Ti", 6),
        ("tesla m40 (24 gb) for a 34b model at home?", "Tesla M40", 24),
        ("would an Arc A750 8gb run llama 3.2 3b?", "Arc A750", 8),
        ("rtx 5050 8gb, can it do qwen2.5 7b", "RTX 5050", 8),
    ],
)
def test_a_card_not_in_the_catalog_is_named_with_the_memory_said(read, question, card, memory):
    details = read(question).details
    assert details.unlisted_gpu == card
    assert details.stated_memory_gb == memory
    assert details.gpus == ()  # no catalog card stands in for it
    assert details.local


def test_a_card_not_in_the_catalog_without_its_memory_is_still_the_users_card(read):
    details = read("can my quadro p2000 run a 7b model?").details
    assert details.unlisted_gpu and "P2000" in details.unlisted_gpu
    assert details.stated_memory_gb is None and details.local


def test_numbers_that_are_not_cards_are_not_read_as_cards(read):
    assert read("is 1650 tokens of context enough for llama 3 8b?").details.unlisted_gpu is None
    assert read("Llama 3 70B on 2 x RTX 6000 Ada?").details.unlisted_gpu is None


def test_a_small_home_card_is_sized_for_a_local_runtime_unless_serving_or_pytorch_is_said(read):
    assert read("is an rtx 3070 ok for mistral 7b?").details.local
    assert not read("can I serve mistral 7b to 20 users from an rtx 3070?").details.local
    assert not read("CUDA out of memory loading mistral 7b with transformers on an rtx 3070").details.local
