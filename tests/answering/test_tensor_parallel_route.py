"""'What's the fastest way to run X on my two 3090s?' asks a way, not a yes/no: no 'Yes' before the fit, and on
several NVIDIA cards of one's own the faster route — tensor parallelism, where the cards work on every token
instead of taking turns as llama.cpp's layer split does — with its speed. Phrasings in no evaluation set."""

from __future__ import annotations

import re

_TOKENS = re.compile(r"about ([\d,]+) tokens/s")


def _speeds(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in _TOKENS.findall(text)]


def test_the_quickest_way_on_two_cards_of_ones_own_names_tensor_parallelism_and_its_speed(ask):
    reply = ask("what's the quickest way to run gemma 2 27b on my pair of rtx 3090s?")
    assert not reply.text.startswith("**Yes")
    assert "--tensor-parallel-size 2" in reply.text
    split, parallel = (
        _speeds(reply.text.split("Faster on 2 cards")[0])[0],
        _speeds(reply.text.split("Faster on")[1])[0],
    )
    assert split < parallel < 2 * split  # each card reads half the weights, less what the link costs


def test_a_count_that_does_not_divide_the_heads_gets_no_tensor_parallel_route(ask):
    # Qwen2.5 14B has 40 attention heads: vLLM cannot split them three ways
    reply = ask("how should i run qwen2.5 14b on my three rtx 3060s to get the best speed?")
    assert "--tensor-parallel-size" not in reply.text


def test_one_card_asked_the_best_way_gets_no_yes_and_no_route_for_several(ask):
    reply = ask("best way to run llama 3.1 8b on my 4090 for speed?")
    assert not reply.text.startswith("**Yes")
    assert "tensor parallelism" not in reply.text


def test_a_yes_no_about_the_same_cards_still_opens_with_its_verdict(ask):
    reply = ask("can my two 3090s run gemma 2 27b?")
    assert reply.text.startswith("**Yes")


def test_cards_owned_then_the_best_way_asked_opens_without_a_yes(ask):
    reply = ask("got 2 rtx 3090s here, best way to run qwen2.5 32b on them?")
    assert not reply.text.startswith("**Yes")
    assert "--tensor-parallel-size 2" in reply.text
