"""GPU memory said in terabytes is read in gigabytes ("1.5TB" is 1,500 GB), and a figure no single GPU has (over the
largest card's memory) is the memory of several GPUs together, held against the whole need — it used to be dropped,
so "can 640 GB run a model that needs 674 GB?" got the fit's "Yes". Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._units import plain_units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we pooled 1.5TB of hbm", "we pooled 1500 gb of hbm"),
        ("2 TiB of ram", "2048 gb of ram"),
        ("a 4 terabyte ssd", "a 4000 gb ssd"),
        ("a 24gb card", "a 24gb card"),
        ("its 3.35 TB/s of bandwidth", "its 3.35 TB/s of bandwidth"),
        ("1.5 tb per second", "1.5 tb per second"),
    ],
)
def test_terabytes_are_said_in_gigabytes(text, expected):
    assert plain_units(text) == expected


@pytest.mark.parametrize(
    ("question", "total"),
    [
        ("our pod has 2TB of gpu memory in total, enough to full finetune llama 3.1 405b?", 2000),
        ("with 600 gb of vram across the nodes could we host deepseek v3 at fp8?", 600),
    ],
)
def test_a_total_over_any_one_card_is_read(read, question, total):
    assert read(question).details.stated_memory_gb == total
