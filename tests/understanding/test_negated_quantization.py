"""Quantization said *not* to be used ("no quantization flags", "without quantization", "not quantized") means
the 16-bit checkpoint as it ships, not a 4-bit format. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "serving Gemma 2 27B with sglang on one L40S, no quantization",
        "can vllm host mistral nemo 12b without any quantization on a 24gb gpu?",
        "our Qwen2.5 14B has not been quantized, will TGI fit it on an A10G?",
    ],
)
def test_quantization_said_not_to_be_used_reads_as_16_bit(read, question):
    assert read(question).details.precision == "fp16"


def test_quantization_named_still_reads_as_4_bit(read):
    assert (
        read("serving Gemma 2 27B with sglang on one L40S with AWQ quantization").details.precision == "int4"
    )
