"""The one-line description of a GPU reads as English for every catalog entry: the class is said in words (no
"both-class accelerator"), the article fits the maker ("an NVIDIA", "a Google") and the maker is not repeated
("an Apple M3 Max", not "Apple Apple M3 Max"). Pure: the catalog only."""

from __future__ import annotations

import re

from assistant.answering._compose._catalog import _spec_sentence


def test_every_catalog_entry_is_described_in_words(catalog):
    for gpu in catalog:
        sentence = _spec_sentence(gpu, f"tell me about the {gpu.name}")
        assert "-class" not in sentence, sentence
        assert not re.search(r"\ba [AEIOU]|\ba NVIDIA\b|\ban [B-DF-HJ-NP-TV-Z](?!VIDIA)", sentence), sentence
        assert not re.search(r"\b(\w+) \1\b", sentence), sentence
        assert f"{gpu.memory_gb:.0f} GB" in sentence


def test_the_class_is_said_as_what_the_part_is_for(catalog):
    by_class = {g.gpu_class: g for g in catalog}
    assert "for training and inference" in _spec_sentence(by_class["both"], "specs?")
    assert "desktop graphics card" in _spec_sentence(by_class["consumer"], "specs?")
    assert "for inference" in _spec_sentence(by_class["inference"], "specs?")
