"""A model family spelled right with a size ("LLaVA 13B") is that family's row of that size, not a typo-forgiven
neighbour ("LLaMA 13B"); exact names and real typos keep their reading. Phrasings here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.knowledge import load_models


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("serving a llava 13b demo for our lab", "LLaVA-1.5 13B"),
        ("LLaVA 7B captioning on a T4", "LLaVA-1.5 7B"),
    ],
)
def test_a_family_with_a_size_is_that_family_row(text, name):
    assert [m.name for m in load_models().find_in_text(text)] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [("the original llama 13b weights", "LLaMA 13B"), ("llava-1.5-13b on two cards", "LLaVA-1.5 13B")],
)
def test_exact_names_are_unchanged(text, name):
    assert [m.name for m in load_models().find_in_text(text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "my gemma2 keeps spilling onto the cpu",
        "is gemma 2 any good on a 12gb card",
        "loading gemma-2 in lm studio is slow",
    ],
)
def test_a_family_named_right_is_not_a_typo_of_another_familys_size(text):
    """'gemma2' / 'gemma 2' name the Gemma 2 family, one letter from 'gemma 2b' (a Gemma 1 size): no typo is
    forgiven into the other family; the family reading (its most used size) answers."""
    models = load_models()
    assert "Gemma 2B" not in [m.name for m in models.find_in_text(text)]
    assert models.family_in_text(text)[1].family == "Gemma 2"


def test_the_sized_name_spelled_out_still_reads_as_that_model():
    models = load_models()
    assert [m.name for m in models.find_in_text("gemma 2b on a raspberry pi")] == ["Gemma 2B"]
    assert [m.name for m in models.find_in_text("gemma 2 2b on a raspberry pi")] == ["Gemma 2 2B"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("can a 3060 run llama 8b at q8?", "Llama 3.1 8B"), ("gemma 9b on a t4", "Gemma 2 9B")],
)
def test_a_family_and_a_size_only_one_release_has_is_that_release(text, name):
    """'llama 8b', 'gemma 9b': only one generation has that size, so the shorthand is that model."""
    assert [m.name for m in load_models().find_in_text(text)] == [name]


def test_a_size_of_an_older_release_stays_that_release():
    # "Qwen-72B" and "LLaMA 13B" are names of first-generation releases: never read as a newer one
    assert [m.name for m in load_models().find_in_text("llama 13b on cpu")] == ["LLaMA 13B"]
    assert "Qwen2.5 72B" not in [m.name for m in load_models().find_in_text("a Qwen-72b based model")]
