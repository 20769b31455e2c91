"""'Which is cheaper to fine-tune X, A or B?' with no dataset size: a training run's cost goes as the hourly price
over the dense BF16 TFLOPS brought (training is bound by compute), so the pick is the lower price per TFLOPS, with
the ratio shown — not the faster card with two hourly prices side by side; a near tie is said as one; 'is A cheaper
than B?' gets its Yes / No from that pick. Phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_the_cheaper_run_is_picked_with_its_ratio(assistant):
    reply = assistant.ask(
        "for a qlora run on qwen2.5 7b, is an h100 or an a100 80gb the cheaper option?",
        conversation_id="run-cost-1",
    )
    first = reply.text.split("\n", 1)[0]
    assert "**The H100 SXM** is cheaper per training run" in first
    ratio = float(re.search(r"costs about (\d\.\d\d)x as much", first).group(1))
    assert 0.2 < ratio < 0.6  # $/TFLOPS: the H100's price premium is far below its 3.2x compute


def test_is_a_cheaper_than_b_takes_its_verdict_from_the_pick(assistant):
    reply = assistant.ask(
        "would the a100 80gb be cheaper than an h100 for a lora finetune of mistral 7b?",
        conversation_id="run-cost-2",
    )
    assert reply.text.startswith("**No**")
    assert "per training run" in reply.text.split("\n", 1)[0]
