"""Two cards weighed for an image model (phrasings of our own, in no evaluation set): each card's verdict goes by one
setting both hold, so a bigger card's fp32 row does not stand against the smaller card's bf16 row."""

from __future__ import annotations

import re


def test_both_cards_are_judged_on_the_same_run(ask):
    text = ask("SDXL image generation: 24GB 3090 against a 16GB 4070 Ti Super, thoughts?").text
    verdicts = text.split("\n\n")[1] if not text.startswith("**Yes**") else text.split("\n\n")[0]
    figures = re.findall(r"needs about ([\d.]+) GB", verdicts)
    assert len(figures) >= 2 and len(set(figures)) == 1, verdicts
    assert "fp32" not in verdicts, verdicts
