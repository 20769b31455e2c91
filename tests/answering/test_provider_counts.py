"""'How many H100s for a 70B, on AWS?' (or the cloud named in a follow-up): the count the model needs, then how
that provider rents the card when it sells it only in bigger instances (AWS: eight H100s to a p5.48xlarge), at
the offerings table's price. Real assistant and offerings table; phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "turns",
    [
        ("need to host qwen2.5 72b on h100s in aws, how many gpus is that",),
        ("how many h100 do i need to serve qwen2.5 72b", "ok and if we do it on aws?"),
    ],
)
def test_the_provider_named_rents_the_card_by_the_instance(ask, turns):
    text = ask(*turns).text
    assert text.startswith("**4 x H100 SXM**") or text.startswith("**2 x H100 SXM**"), text[:200]
    assert "p5.48xlarge" in text and "8 GPUs per instance" in text


def test_no_provider_named_no_instance(ask):
    assert "p5.48xlarge" not in ask("how many h100 do i need to serve qwen2.5 72b").text
