"""'How many GPUs to train it?': the smallest count that holds the job, any number (ZeRO-3 / FSDP shard over any
count), and past one server's GPUs the answer says it spans several nodes. Real Assistant; phrasings in no
evaluation set."""

from __future__ import annotations

import re


def _lead_count(reply) -> int:
    return int(re.search(r"\*\*(\d+) x ", reply.text).group(1))


def test_a_big_full_fine_tune_takes_the_smallest_count_and_says_it_spans_nodes(converse):
    reply = converse("how many H100 80GB cards would a full-parameter finetune of Qwen2.5 72B take?")
    first = reply.text.split("\n", 1)[0]
    count = _lead_count(reply)
    assert 8 < count < 32 and count % 8 == 0  # ~1.2 TB of model states: whole 8-GPU servers past one
    assert re.search(r"\d+ servers of 8: the memory needs \d+", first) and re.search("ZeRO-3|FSDP", first)


def test_serving_counts_stay_tensor_parallel_powers_of_two(converse):
    reply = converse("how many L40S do I need to serve llama 3.1 70b in bf16?")
    count = _lead_count(reply)
    assert count & (count - 1) == 0
    assert "several servers" not in reply.text
