"""A GPU memory said as several cards' total ("2TB of gpu memory in total", "900 gb of vram across the nodes") is held
against the whole need: No with the need when it falls short, with no "cards of 2000 GB" sharding sentence, and Yes
when it holds it. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re


def _first(reply) -> str:
    return re.sub(r"[*_`]", "", reply.text).split("\n")[0]


def test_a_total_short_of_the_need_is_a_no_without_cards_of_that_size(converse):
    first = _first(
        converse("our pod has 2TB of gpu memory in total, enough to full finetune llama 3.1 405b?")
    )
    assert first.startswith("No") and "2000 GB you have" in first
    assert "cards of 2000 GB" not in first


def test_a_total_over_the_need_is_a_yes(converse):
    first = _first(converse("with 900 gb of vram across the nodes could we host deepseek v3 at fp8?"))
    assert first.startswith("Yes") and "900 GB you have" in first
