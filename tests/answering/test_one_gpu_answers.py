"""'Can I run it on a single GPU?' with no card named: yes on one card that holds it, or no with what it takes
instead — never 'Yes' followed by eight GPUs. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "is it possible to host falcon 180b on just one gpu?",
        "[Grok-1 314B] could I rent a GPU somewhere and run it",
        "can llama 3.1 405b fit on a single card in fp16??",
    ],
)
def test_a_model_no_card_holds_is_no_on_one_gpu(ask, question):
    reply = ask(question)
    first = reply.text.split("\n")[0]
    assert first.startswith("**No** — not on one GPU")
    largest = float(re.search(r"have ([\d.]+) GB\)", first).group(1))
    assert reply.memory_gb > largest  # the need is above every card's memory, so the "No" follows
    assert re.search(r"it takes \*\*\d+x ", first)  # and what it takes instead


@pytest.mark.parametrize(
    "question",
    ["can I run mistral 7b on one gpu?", "will qwen2.5 14b instruct in bf16 run on a single gpu?"],
)
def test_a_model_one_card_holds_is_yes_with_that_card(ask, question):
    first = ask(question).text.split("\n")[0]
    assert first.startswith("**Yes** — ")
    assert "which one **" in first and re.search(r"\(\d+ GB\) holds", first)


def test_a_bare_rtx_6000_is_answered_for_each_card_and_says_so(ask):
    reply = ask("got an rtx 6000 at work, will it serve qwen2.5 32b in fp16?")
    assert {"RTX 6000 Ada", "RTX A6000", "RTX PRO 6000 Blackwell"} <= set(reply.gpus)
    assert "names several cards" in reply.text and "Quadro RTX 6000 (24 GB)" in reply.text
    assert "RTX PRO 6000 Blackwell" in reply.text.split("**Note:**")[0]  # its own verdict, not only the note


def test_a_card_to_buy_gets_its_purchase_price_not_a_rental(ask):
    text = ask("which graphics card should i purchase to run mixtral 8x7b?").text
    first = text.split("\n")[0]
    assert "MSRP" in first or "street price" in first
    assert "/hour" not in first and "per month" not in first
