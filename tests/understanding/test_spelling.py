"""Mistyped words that decide what a question asks (a duration, a count of examples, a month's bill, a comparison,
the training verb) are read as meant, and real words near them are left alone."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_catalog, load_models
from assistant.sizing import Task
from assistant.understanding import understand
from assistant.understanding._spelling import plain_spelling


@pytest.fixture(scope="module")
def read():
    catalog, models = load_catalog(), load_models()
    return lambda q: understand(q, catalog, models)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("logn", "long"),
        ("mcuh", "much"),
        ("mnay", "many"),
        ("csot", "cost"),
        ("tiem", "time"),
        ("qlroa", "qlora"),
        ("prcie", "price"),
        ("exampels", "examples"),
        ("smaples", "samples"),
        ("epcohs", "epochs"),
        ("memeory", "memory"),
        ("monht", "month"),
        ("comparsion", "comparison"),
        ("cheapets", "cheapest"),
        ("concurrnet", "concurrent"),
        ("trian", "train"),
        ("cahce", "cache"),
    ],
)
def test_ask_words_are_respelt(typed, meant):
    assert plain_spelling(f"so {typed} then") == f"so {meant} then"


@pytest.mark.parametrize(
    "word",
    [
        "cots",
        "fats",
        "fist",
        "mouth",
        "simple",
        "trail",
        "different",
        "recommended",
        "datasheet",
        "comparisons",
    ],
)
def test_real_words_near_an_ask_word_are_left_alone(word):
    assert plain_spelling(f"the {word} here") == f"the {word} here"


def test_a_mistyped_duration_question_still_asks_the_time(read):
    u = read("lora on mistral 7b with an a100, how logn for 20k exampels?")
    assert u.details.wants_time and u.details.examples == 20_000


def test_a_mistyped_training_verb_is_not_read_as_serving(read):
    u = read("how long does it take to trian a 3b model on 50B tokens with 16 h100s")
    assert u.details.task is Task.PRETRAIN and u.details.wants_time


def test_a_mistyped_month_still_asks_the_monthly_bill(read):
    u = read("an A100 on runpod, what is that per monht")
    assert u.details.wants_cost


def test_a_mistyped_cache_still_asks_the_kv_cache(read):
    u = read("whats the kv cahce size per token for qwen2.5 14b?")
    assert u.details.wants_kv_math
