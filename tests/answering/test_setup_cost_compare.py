"""Two multi-GPU setups weighed ("2x H100 or 4x A100?"): the cost per token of each when cost is asked, a table of
the setups said (not one card of each), priced as the plan prices setups, and no "one card needs no splitting"
when neither is one card. Phrasings here are in no evaluation set."""

from __future__ import annotations

import re


def _rows(text: str) -> dict[str, str]:
    """Table rows by their setup label: '2x H100 SXM' -> its '$/hour' cell."""
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and re.match(r"\d+x ", cells[0]):
            rows[cells[0]] = cells[2]
    return rows


def test_cost_per_token_between_two_multi_gpu_setups(converse):
    reply = converse("for serving qwen2.5 72b in fp8, is 2x h100 or 4x a100 80gb cheaper per token?")
    lead = reply.text.split("\n")[0]
    assert "per million generated tokens" in lead
    assert "2x H100 SXM" in lead and "4x A100 80GB SXM" in lead
    rows = _rows(reply.text)
    assert set(rows) == {"2x H100 SXM", "4x A100 80GB SXM"}  # the setups said, at their counts
    hourly = re.search(r"on (\dx [^(]+?) \((\$[\d,.]+)/hour\)", lead)
    assert hourly is not None and rows[hourly.group(1).strip()] == hourly.group(2)  # one price per setup


def test_two_split_setups_are_not_compared_to_an_unsplit_card(converse):
    reply = converse("llama 3 70b inference: 2 rtx a6000s or 4 l40s, which one?")
    assert "needs no splitting" not in reply.text


def test_a_mac_weighed_against_several_cards_counts_their_memory_together(converse):
    reply = converse("for local llms is 3 rtx 3090s better than one mac studio m2 ultra 192gb")
    lead = reply.text.split("\n")[0]
    assert "RTX 3090's 24 GB" not in lead  # the three cards, not one of them
    assert "3 x RTX 3090" in lead or "72 GB" in lead
