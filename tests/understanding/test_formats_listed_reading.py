"""Several weight formats listed in one question ("fp16 vs int4", "8 bit or 4 bit") are all asked: none is
assumed; one format, or one converted into another, stays one. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "mistral 7b memory in fp16 vs int4?",
        "vram for qwen2.5 14b: 8 bit or 4 bit",
        "llama 3 8b vram with bf16, int8 or int4 weights",
    ],
)
def test_several_formats_listed(read, question):
    details = read(question).details
    assert details.formats_listed and details.precision is None


@pytest.mark.parametrize(
    "question",
    ["mistral 7b in int4, how much vram?", "quantize mistral 7b from fp16 to int4, memory needed?"],
)
def test_one_format_or_a_conversion(read, question):
    assert not read(question).details.formats_listed
