"""'How many A100s or L40S for X?': a count question naming several GPUs gets the fewest of each, not only the
pick's. Real assistant, catalog and offerings table; phrasings in no evaluation set."""

from __future__ import annotations

import re


def _first(reply) -> str:
    return reply.text.split("\n", 1)[0]


def test_each_named_gpu_gets_its_count(converse):
    first = _first(
        converse("lora on llama 3 70b: how many l40s would that take, or a100 40gb cards instead?")
    )
    counts = dict((name, int(n)) for n, name in re.findall(r"\*\*(\d+) x ([^*]+)\*\*", first))
    assert set(counts) == {"L40S", "A100 40GB"}
    assert all(n > 1 for n in counts.values())
    assert first.count("per GPU of the") == 2


def test_a_count_the_user_gives_keeps_the_single_setup(converse):
    first = _first(converse("how many gpus for qwen2.5 72b inference, 4 x l40s or a100 80gb?"))
    assert " or **" not in first.split(" — ")[0]
