"""'Do I need to quantize it to run on my card?' is answered by whether the weights fit as they ship: No when the
16-bit model fits, Yes when only a smaller format does, and "not even that" when nothing fits. Real components;
phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest

from assistant.understanding._quantizing import asks_if_quantizing_needed
from tests.support.checked_answers import checked_answer


def _lead(checked) -> str:
    return re.sub(r"[*_`]", "", checked.first_line)


@pytest.mark.parametrize(
    "question",
    [
        "Mistral 7B on an L4: do we have to quantize it first?",
        "is quantization really necessary to serve Llama 3.1 8B on one A100 40GB?",
    ],
)
def test_a_model_that_fits_as_it_ships_needs_no_quantizing(assistant, question):
    lead = _lead(checked_answer(assistant, question))
    assert lead.startswith("No — quantizing is not needed") and re.search(r"\b(?:bf16|fp16)\b", lead), lead


def test_a_model_that_fits_only_quantized_needs_it(assistant):
    lead = _lead(checked_answer(assistant, "does Gemma 2 27B need to be quantized to run on a 24GB 3090 Ti?"))
    assert lead.startswith("Yes — it fits only with"), lead


def test_a_model_too_big_even_quantized_says_so(assistant):
    lead = _lead(checked_answer(assistant, "Do I need to quantize Llama 3.1 405B to run it on an RTX 4080?"))
    assert lead.startswith("Yes, and even that is not enough"), lead


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("do i need to quantize it to run on an a10?", True),
        ("will it only work once i've quantized it?", False),  # "once i've" is not "once i quantize"
        ("does it have to be quantized to fit?", True),
        ("is quantization a must for a 13b on 16 gb?", True),
        ("so it will only run once we apply some quantization to it?", True),
        ("only after using weight tricks (i.e. quantizing) can i serve it?", True),
        ("i only have 12gb. when we quantize it, will it be faster?", False),
        ("how do i quantize llama 3 8b to gguf?", False),
        ("what does quantization do to quality?", False),
    ],
)
def test_quantizing_asked_as_a_necessity(text, asked):
    assert asks_if_quantizing_needed(text) is asked


def test_an_only_after_quantizing_question_with_an_abbreviation_is_one_question(assistant):
    question = (
        "gemma 2 9b goes OOM under vllm on my 24GB A10G. so only after applying some optimizations (e.g. "
        "quantization) would I be able to run it?"
    )
    lead = _lead(checked_answer(assistant, question))
    assert lead.startswith("No — quantizing is not needed"), lead
