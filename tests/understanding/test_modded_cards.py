"""A consumer card whose memory was changed by hand ("2080 Ti modded to 22GB"): its owner's figure is the card's
memory, not a premise to correct, and the count said for it still counts."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "memory", "count"),
    [
        ("we run 4 rtx 2080 ti modded to 22gb, will mixtral 8x7b in 4-bit load?", 22.0, 4),
        ("two 3080s memory-modded to 20 GB — enough for a 32b model in q4?", 20.0, 2),
        ("my 4090 (modded with 48gb) — can it hold llama 3 70b at 4 bit?", 48.0, 1),
    ],
)
def test_a_modded_card_is_taken_at_the_memory_its_owner_says(read, question, memory, count):
    understanding = read(question)
    assert understanding.details.stated_memory_gb == memory
    assert (understanding.details.gpu_count or 1) == count
    assert not understanding.premises


def test_a_card_said_to_have_more_memory_without_a_mod_is_still_corrected(read):
    understanding = read("my rtx 2080 ti has 22gb, can it run a 30b model in 4-bit?")
    assert any(p.stated == 22.0 for p in understanding.premises)
