"""'On consumer GPUs' limits the answer to desktop GeForce / Radeon cards, a few to a machine: a fine-tune that needs
a rack of data-center GPUs in full is answered by the methods that fit on gaming cards, never by 16 GH200s."""

from __future__ import annotations

import pytest


def lead(reply) -> str:
    return reply.text.strip().splitlines()[0]


@pytest.mark.parametrize(
    "question",
    [
        "is fine-tuning qwen2.5 72b doable on consumer-grade cards?",
        "could I train a lora for llama 3.1 70b with gaming gpus",
    ],
)
def test_big_fine_tune_only_with_adapters_on_gaming_cards(converse, question):
    reply = converse(question)
    first = lead(reply)
    assert first.startswith("**Only with"), reply.text
    assert "consumer" in first and "GH200" not in reply.text and "H100" not in first
    head = " ".join(line for line in reply.text.strip().splitlines()[:3])
    assert "RTX" in head  # the consumer setup that fits, right after the verdict


def test_small_model_fits_on_consumer_cards(converse):
    reply = converse("can phi-3 mini be fine-tuned on consumer gpus?")
    assert lead(reply).startswith("**Yes**"), reply.text


def test_picks_are_consumer_cards_within_one_machine(converse):
    reply = converse("how much for a full fine-tune of a 3b model on geforce cards")
    table = [line for line in reply.text.splitlines() if line.startswith("| ") and "x " in line]
    assert table, reply.text
    for row in table:
        count, name = row.split("|")[1].strip().split("x ", 1)
        assert int(count) <= 4 and name.startswith(("RTX", "RX")), row


def test_mac_against_two_cards_weighs_the_macs_own_share(converse):
    reply = converse("mac studio m2 ultra 192gb or two 4090s, which for llama 3.1 70b?")
    text = reply.text
    # the Mac's usable memory is the share macOS gives its GPU (never more than the 144 GB the 16-bit model needs
    # while being called too small), and the setups are weighed in a format both hold
    assert "both hold it" in text and "tokens/s" in text, text
    assert "173 GB usable" not in text
