"""'What max sequence length can I train at on my card?': the longest sequence the fine-tune fits on the user's
card (named, or told by its memory) at its micro-batch, and with a loss computed in chunks when that goes further;
'None' when even the shortest does not. Phrasings in no evaluation set."""

from __future__ import annotations

import re


def _tokens(text: str) -> int:
    return int(re.search(r"\*\*About ([\d,]+) tokens\*\*", text).group(1).replace(",", ""))


def test_the_longest_sequence_on_a_card_told_by_its_memory_leads_with_the_number(ask):
    reply = ask("doing qlora on llama 3.1 8b with a 16gb gpu - whats the max sequence length that fits?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**About ") and "your 16 GB card" in first, first
    assert not first.startswith("**Yes"), first
    longest = _tokens(first)
    assert 2048 < longest < 16384 and longest % 256 == 0
    assert "computed in chunks" in first  # the chunked loss frees the logits, so it goes longer


def test_a_longer_card_holds_a_longer_sequence(ask):
    small = _tokens(ask("lora on mistral 7b, an A10G, max seq len?").text)
    large = _tokens(ask("lora on mistral 7b, an L40S, max seq len?").text)
    assert large > small


def test_a_run_too_big_at_any_length_is_none(ask):
    reply = ask("full fine-tuning of qwen2.5 7b on a single rtx 4090, longest sequence length i could use?")
    assert reply.text.startswith("**None**"), reply.text[:200]
