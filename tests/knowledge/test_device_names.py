"""Card names as nvidia-smi, CUDA out-of-memory errors and serving logs print them: the brand, then the family with
its form factor and memory glued on by hyphens ("NVIDIA A100-SXM4-40GB", "Tesla V100-PCIE-32GB"). Users paste these
from their logs; the memory in the name picks the variant, not the family's default card. Phrasings of our own, in
no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "card"),
    [
        ("torch.OutOfMemoryError on device 0 (NVIDIA A100-SXM4-40GB)", "A100 40GB"),
        ("GPU 3: NVIDIA A100-PCIE-40GB (UUID: GPU-1234)", "A100 40GB"),
        ("| 0  Tesla V100-PCIE-32GB  Off | 00000000:3B:00.0 Off |", "V100 32GB"),
        ("my box reports Tesla V100-SXM2-32GB x4", "V100 32GB"),
        ("Tesla V100-SXM2-16GB, compute capability 7.0", "V100 16GB"),
        ("found NVIDIA A100 80GB PCIe in the node", "A100 80GB PCIe"),
        ("NVIDIA A800-SXM4-80GB on our cluster", "A800 80GB SXM"),
    ],
)
def test_a_pasted_device_name_is_the_card_it_spells(catalog, text, card):
    assert [g.name for g in catalog.find_in_text(text)] == [card]


def test_the_bare_family_said_before_a_pasted_device_name_is_that_card(catalog):
    text = "vllm on my a100 fails: CUDA out of memory on GPU 0 (NVIDIA A100-SXM4-40GB)"
    assert [g.name for g in catalog.find_in_text(text)] == ["A100 40GB"]


@pytest.mark.parametrize(
    ("text", "cards"),
    [
        ("a10 or A100-SXM4-40GB for serving?", ["A10", "A100 40GB"]),  # the A10 is no A100 family mention
        ("a100 vs a100 40gb for inference", ["A100 80GB SXM", "A100 40GB"]),  # a comparison written out
        ("NVIDIA GeForce RTX 4090 and a Tesla T4", ["RTX 4090", "T4"]),
    ],
)
def test_other_cards_beside_a_device_name_stay(catalog, text, cards):
    assert [g.name for g in catalog.find_in_text(text)] == cards
