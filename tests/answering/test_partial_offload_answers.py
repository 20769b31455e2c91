"""A model too big for the user's card but not for the card and the RAM beside it: llama.cpp (Ollama, LM Studio)
runs it with some layers on the GPU and the rest in system RAM, so the verdict is "Only with partial offload"
(with the layer split and the speed), and "No" only when even VRAM + RAM is too small."""

from __future__ import annotations

import re

import pytest


def _first(reply) -> str:
    return re.sub(r"[*_`]", "", reply.text).split("\n")[0]


@pytest.mark.parametrize(
    "question",
    [
        "I have a 3080 10GB and 32GB of RAM, can I run gemma 2 27b at all?",
        "is it possible to run qwen2.5 32b on my rtx 4060 8gb? 64 gigs of ram",
        "will mixtral 8x7b work in ollama on a 1080 ti",
        "rx 6700 xt 12gb + 48gb ddr4, will command r 35b run in lm studio",
    ],
)
def test_too_big_for_the_card_but_not_for_card_plus_ram_leads_only_with_partial_offload(assistant, question):
    reply = assistant.ask(question)
    first = _first(reply)
    assert first.startswith("Only with partial offload"), reply.text
    # the split and the speed come with it: layers on the GPU (-ngl), tokens/s bound by the RAM
    assert re.search(r"about \d+ of \d+ layers", first) and re.search(r"-ngl \d+", first)
    assert re.search(r"[\d.]+ tokens/s", first)


def test_card_plus_ram_too_small_is_still_no(assistant):
    reply = assistant.ask("rtx 3060 12gb with only 16gb ram, is it possible to run llama 3 70b in ollama?")
    assert _first(reply).startswith("No"), reply.text
    assert "page from disk" in reply.text


def test_vram_and_ram_told_by_size_get_the_split_too(assistant):
    reply = assistant.ask("i got 6gb vram and 32gb ram, can i run a 13b gguf in ollama?")
    first = _first(reply)
    assert first.startswith("Only with partial offload"), reply.text
    assert "in your 6 GB of VRAM" in first and "32 GB of system RAM" in first


def test_vram_told_by_size_with_too_little_ram_is_no(assistant):
    reply = assistant.ask("8gb vram and 16gb ram - can I run llama 3 70b q4 in lm studio?")
    assert _first(reply).startswith("No"), reply.text


def test_a_serving_engine_gets_no_partial_offload(assistant):
    # vLLM has no llama.cpp layer split: a model too big for the card is a plain no
    reply = assistant.ask("can I serve llama 3 70b on one rtx 4090 with vllm?")
    assert not _first(reply).startswith("Only with partial offload"), reply.text


def test_is_the_card_enough_is_answered_for_the_card(assistant):
    # "is one 3090 enough?" asks about the card: it is not, even though Ollama would run the model split
    reply = assistant.ask("is a single 3090 enough for qwen2.5 72b in ollama?")
    assert _first(reply).startswith("No"), reply.text
    assert "partial offload" in reply.text


def test_an_ollama_tag_names_the_runtime_so_partial_offload_of_the_usual_download_leads(assistant):
    # "qwen2.5:14b" is an Ollama library tag: Ollama splits the layers itself, so the Q4_K_M split is the answer,
    # not a 2-bit file that happens to fit (Q2_K loses several times more quality than Q3_K_M)
    reply = assistant.ask("would qwen2.5:14b work on my gtx 1080 with 8gb?")
    first = reply.text.splitlines()[0]
    assert first.startswith("**Only with partial offload**") and "Q4_K_M" in first
    assert "2-bit" not in first


def test_a_format_below_the_lowest_recommended_one_is_listed_but_does_not_lead(assistant):
    reply = assistant.ask("my rtx 2070 8gb with ollama: can it do qwen2.5 14b?")
    lead, formats = reply.text.splitlines()[:2]
    assert not lead.startswith("**Yes, with 2-bit")
    assert "2-bit (GGUF Q2_K): yes" in formats


@pytest.mark.parametrize(
    ("question", "cards"),
    [
        (
            "got two rtx 3060 12gb cards and 64 gigs of ram, is qwen2.5 72b doable in ollama?",
            "2 x RTX 3060 12GB",
        ),
        (
            "2 x 4060 Ti 16GB plus 128GB DDR5 - could I run llama 3.1 70b in lm studio?",
            "2 x RTX 4060 Ti 16GB",
        ),
    ],
)
def test_several_cards_and_ram_get_the_split_over_all_the_cards(assistant, question, cards):
    """Cards of a kind plus system RAM: llama.cpp spreads the layers over all the cards and keeps the rest in
    RAM — a partial offload with its speed, not 'needs 4 of them'."""
    reply = assistant.ask(question)
    first = _first(reply)
    assert first.startswith("Only with partial offload"), reply.text
    assert cards in first and "tensor-split" in first
    assert re.search(r"about \d+ of \d+ layers", first) and re.search(r"[\d.]+ tokens/s", first)
