"""Two variants of one product set against each other — sizes ('a100 40gb vs 80gb') or form factors ('the H100
PCIe and SXM') — are both read, so the answer compares them instead of describing one; two cards weighed for a use
('is the MI300X good for inference compared to H100?') are a comparison, not 'what runs on my MI300X'."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent
from assistant.understanding._understand import understand


@pytest.mark.parametrize(
    ("question", "gpus"),
    [
        ("for an a100, is 40gb versus 80gb worth the difference", {"A100 40GB", "A100 80GB SXM"}),
        ("A100 40GB and 80GB, what changes for serving?", {"A100 40GB", "A100 80GB SXM"}),
        ("H100 SXM vs PCIe, how different are they really?", {"H100 SXM", "H100 PCIe"}),
        ("h100 nvl or pcie for a small inference box?", {"H100 NVL", "H100 PCIe"}),
    ],
)
def test_both_variants_are_read(catalog, models, question, gpus):
    u = understand(question, catalog, models)
    assert set(u.details.gpus) == gpus
    assert u.intent is Intent.COMPARE


def test_one_form_factor_alone_stays_one_card(catalog, models):
    assert understand("specs of the H100 PCIe?", catalog, models).details.gpus == ("H100 PCIe",)


def test_two_cards_weighed_for_a_use_are_compared(catalog, models):
    u = understand("how good is the 7900 xtx for running llms next to a 4090?", catalog, models)
    assert u.intent is Intent.COMPARE
