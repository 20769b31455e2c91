"""'Why is my training so slow?' with no dataset size: the causes that apply to this run first (an 8-bit or 4-bit
base, a card with little memory bandwidth for its compute, a small per-device batch), then the arithmetic's
tokens/s on the user's card; a time set against one reported for the same work gives how many times slower.
Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_a_slow_8bit_lora_on_a_low_bandwidth_card_names_both(ask):
    reply = ask("lora of mistral 7b loaded in 8bit on an L4 is super slow, ~3 days an epoch. why??")
    first = reply.text.split("\n")[0]
    assert first.startswith("What usually makes")
    assert "8-bit" in first and "bandwidth (300 GB/s)" in first


def test_a_slow_qlora_names_the_4bit_base_and_the_pace_on_their_card(ask):
    reply = ask("my qlora on gemma 2 9b with a single rtx 3060 12gb is really slow, 14 s/it. whats going on")
    first = reply.text.split("\n")[0]
    assert "4-bit base" in first
    pace = float(re.search(r"\*\*([\d,]+) tokens/s\*\*", first).group(1).replace(",", ""))
    # 1 x RTX 3060's dense TFLOPS x 40% MFU / (4 FLOPs x 9.2B parameters): a few hundred tokens/s
    assert 100 < pace < 1500
    assert "RTX 3060" in first


def test_a_time_against_the_reported_one_says_how_many_times_slower(ask):
    reply = ask(
        "full ft of llama 2 7b on 4x a100 80gb takes me 40 hours but the authors report 8 hours on the same "
        "setup, is that normal?"
    )
    first = reply.text.split("\n")[0]
    assert first.startswith("**No**") and "5.0 times" in first
    assert re.search(r"(raise|increase|larger).{0,30}batch", first)


def test_a_deadline_question_is_not_a_slowness_report(ask):
    reply = ask("can i lora llama 3 8b on 200M tokens within a day on one h100, or is that too slow?")
    assert not reply.text.startswith("What usually makes")
