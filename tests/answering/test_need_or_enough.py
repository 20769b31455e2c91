"""'Do I need the big card, or will the smaller one do?' between two different cards: the Yes/No answers the clause
asked first (need / enough), about the smaller card, with the memory that decides it; when the smaller card does not
hold the default format, the leaner format it does hold follows. Real Assistant; phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.answering._compose._shapes import _need_or_enough


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("do we actually need an h100 here or would an a10g do?", "need"),
        ("would a 4070 be ok for this, or do i need something bigger?", "enough"),
        ("is an L4 sufficient or is an A100 required?", "enough"),
        ("must I rent an H200, or can an H100 manage?", "need"),
        ("can I get away with a 3060 or do I need a 3090?", "enough"),
        ("what gpu should I buy?", None),
    ],
)
def test_which_clause_comes_first(question, asked):
    assert _need_or_enough(question) == asked


def test_smaller_card_holds_it_answers_no_to_the_need(converse):
    reply = converse("do we really need an A100 80GB to serve mistral 7b, or would an L4 work?")
    first = reply.text.split("\n", 1)[0]
    assert first.startswith("**No**")
    assert "L4 is enough" in first
    assert "GB" in first


def test_smaller_card_holds_it_answers_yes_to_the_enough(converse):
    reply = converse("would a single L40S be ok for llama 3.1 8b, or do I need an H100?")
    first = reply.text.split("\n", 1)[0]
    assert first.startswith("**Yes**")
    assert "L40S is enough" in first


def test_smaller_card_too_small_names_the_bigger_and_the_leaner_format(converse):
    reply = converse("is an A10G fine for qwen2.5 14b or do I need an A100?")
    first = reply.text.split("\n", 1)[0]
    assert first.startswith("**No**")
    assert "you need the A100" in first
    assert "On one A10G it fits in 8-bit" in first


def test_as_big_cards_weigh_speed_not_room(converse):
    # both hold 80 GB: the slower one is the one asked about, and the other buys speed
    reply = converse("do I need an H100 for llama 3 8b inference or will an A100 80GB do?")
    first = reply.text.split("\n", 1)[0]
    assert first.startswith("**No**")
    assert "A100 80GB SXM is enough" in first
    assert "buys speed" in first and "3,350 GB/s against 2,039" in first


def test_a_count_asked_beside_two_cards_is_not_read_as_need_or_enough(converse):
    # "H100/H800" are one choice and the question is how many: no "the H100 is enough" about one card
    reply = converse("to pretrain a 30b model how many A100 or H100 gpus do I need at least?")
    assert "is enough" not in reply.text.split("\n", 1)[0]


def test_whether_that_much_hardware_is_needed_is_no_when_a_smaller_card_holds_it(assistant):
    reply = assistant.ask(
        "must we really have an H100 80GB to do a qlora of mistral 7b?", conversation_id="need-hw-1"
    )
    assert (
        reply.text.startswith("**No** — about") and "which a smaller card holds" in reply.text.split("\n")[0]
    )
    stated = assistant.ask("is 48gb of vram necessary for llama 3 8b in bf16?", conversation_id="need-hw-2")
    assert stated.text.startswith("**No** —")


def test_whether_that_much_hardware_is_needed_is_yes_when_nothing_smaller_holds_it(assistant):
    reply = assistant.ask(
        "to serve llama 3 70b in fp8, do we need an h100 80gb?", conversation_id="need-hw-3"
    )
    assert reply.text.startswith("**Yes** — nothing with less memory holds it")


def test_or_overkill_is_the_same_necessity_asked_again(assistant):
    reply = assistant.ask(
        "do we even need an a100 80gb for a lora on phi-3 mini, or is that overkill?",
        conversation_id="need-hw-4",
    )
    assert reply.text.startswith("**No** — about")


def test_what_the_required_memory_is_asks_an_amount_not_whether_the_card_is_needed(converse):
    # "what is the required GPU memory" names no hardware as necessary: no "No — a smaller card holds it"
    reply = converse(
        "what is the required gpu memory for a lora of llama 2 7b? my card has 48GB and it still fails"
    )
    first = reply.text.split("\n", 1)[0]
    assert "smaller card" not in first
    assert reply.memory_gb is not None and reply.memory_gb < 48
