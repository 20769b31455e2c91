"""Two cards set side by side in ways the comparison must read: two variants of one GPU ("A100 40GB or A100 80GB"),
one card or another for a workload, and whether two cards are the same card. Real assistant and catalog;
phrasings in no evaluation set."""

from __future__ import annotations

import uuid

import pytest

from assistant.knowledge import load_catalog
from assistant.understanding import Intent
from assistant.understanding._premises import read_premises


def _ask(assistant, question):
    return assistant.ask(question, conversation_id=f"choice-{uuid.uuid4().hex}")


def test_two_variants_spelt_out_are_both_kept():
    catalog = load_catalog()
    text = "h100 pcie or a100 80gb or a100 40gb, which for a 13b?"
    gpus = catalog.find_in_text(text)
    reading = read_premises(text, gpus, catalog)
    assert {"A100 40GB", "A100 80GB SXM"} <= {g.name for g in gpus}
    assert reading.swaps == {} and reading.premises == ()


def test_a_stated_memory_still_names_the_variant():
    catalog = load_catalog()
    text = "my a100 with 40gb"
    assert read_premises(text, catalog.find_in_text(text), catalog).swaps == {"A100 80GB SXM": "A100 40GB"}


@pytest.mark.parametrize(
    "question",
    [
        "qlora of mistral 7b: 4090 or 3090?",
        "should I fine-tune qwen2.5 14b with lora on an a100 40gb or a100 80gb",
    ],
)
def test_one_card_or_another_for_a_workload_is_a_comparison(assistant, question):
    reply = _ask(assistant, question)
    assert reply.intent == Intent.COMPARE.value
    assert len({g for g in reply.gpus[:2]}) == 2


def test_the_variant_with_room_to_spare_is_named_enough(assistant):
    first = _ask(assistant, "a100 40gb or a100 80gb to do lora on llama 2 13b?").text.split("\n")[0]
    assert "A100 40GB" in first and "enough" in first


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("wait, is the l40 the same as the l40s?", ("L40", "L40S")),
        ("are the a100 40gb and the a100 80gb identical apart from memory?", ("A100 40GB", "A100 80GB SXM")),
    ],
)
def test_whether_two_cards_are_one_is_answered_no_with_what_differs(assistant, question, names):
    first = _ask(assistant, question).text.split("\n")[0]
    assert first.startswith("**No** — they are different GPUs")
    assert all(f"**{n}**" in first for n in names)


def test_the_same_speed_is_still_a_speed_question(assistant):
    first = _ask(assistant, "does the l4 run at the same speed as the t4 for inference?").text.split("\n")[0]
    assert "different GPUs" not in first and first.startswith(("**Yes**", "**No**"))


def test_a_bandwidth_tie_names_no_card_with_the_most(assistant):
    # the L40 and the L40S share 864 GB/s
    text = _ask(assistant, "l40 vs l40s").text
    assert "has the most memory bandwidth" not in text.split("\n\n")[0]


@pytest.mark.parametrize(
    "question",
    [
        "whats the diff between the l40s and the a6000 for fine-tuning qwen2.5 14b",
        "difference of an a10g and an l4 for serving llama 3.1 8b?",
    ],
)
def test_the_difference_between_two_cards_for_a_job_names_one(assistant, question):
    reply = _ask(assistant, question)
    assert reply.intent == Intent.COMPARE.value
    assert reply.text.startswith("**The ")


def test_how_much_faster_for_a_job_opens_with_the_ratio(assistant):
    reply = _ask(assistant, "by how much is an h200 faster than an h100 serving qwen2.5 72b?")
    first = reply.text.split("\n")[0]
    assert first.startswith("The H200 against the H100 SXM: about **1.4x** for generating tokens")
    assert "GB" in reply.text.split("\n\n")[1]  # the setups that hold the model follow
