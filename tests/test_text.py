"""The article before a format, a card or a number follows how it is spoken, not how it is spelled."""

from __future__ import annotations

import pytest

from assistant._text import article


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("fp8", "an"),
        ("fp16", "an"),
        ("bf16", "a"),
        ("int8", "an"),
        ("nf4", "an"),
        ("gptq", "a"),
        ("AWQ", "an"),
        ("EXL2", "an"),
        ("GGUF", "a"),
        ("q4_k_m", "a"),
        ("8-bit", "an"),
        ("16-bit", "a"),
        ("4-bit", "a"),
    ],
)
def test_formats_take_the_article_of_their_spoken_letters(phrase, expected):
    assert article(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("H100", "an"),
        ("**A100 80GB**", "an"),
        ("RTX 3060", "an"),
        ("L40S", "an"),
        ("MI300X", "an"),
        ("M2 Max", "an"),
        ("T4", "a"),
        ("V100", "a"),
        ("GH200", "a"),
        ("TPU v5p", "a"),
        ("Jetson Orin", "a"),
        ("Arc A770", "an"),
        ("accelerator", "an"),
        ("desktop graphics card", "a"),
    ],
)
def test_cards_take_the_article_of_their_spoken_name(phrase, expected):
    assert article(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        *[
            ("8", "an"),
            ("80", "an"),
            ("8,192", "an"),
            ("11", "an"),
            ("18", "an"),
            ("11000", "an"),
            ("85%", "an"),
        ],
        *[("7", "a"), ("13", "a"), ("4,096", "a"), ("1100", "a"), ("110", "a"), ("24.0 GB", "a")],
    ],
)
def test_numbers_take_the_article_of_their_spoken_first_word(phrase, expected):
    assert article(phrase) == expected
