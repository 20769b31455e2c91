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
