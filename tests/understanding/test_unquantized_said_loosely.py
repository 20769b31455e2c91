""" "Without using any quantized version", "w/o quantization": the user rules quantization out, so the weights are
read as the 16-bit checkpoint, never as the 4-bit the word 'quantized' alone would suggest (session 20).
Phrasings in no evaluation set."""

from __future__ import annotations


def test_quantization_ruled_out_with_filler_words_is_16_bit(read):
    assert (
        read("can I host Qwen2.5 32B on two L40S without using any quantized weights?").details.precision
        == "fp16"
    )
    assert read("serving Llama 3 70B on 4x A100 40GB w/o quantization, enough?").details.precision == "fp16"


def test_quantization_asked_for_still_reads_as_quantized(read):
    assert read("can I host Qwen2.5 32B on one L40S using a quantized version?").details.precision == "int4"
