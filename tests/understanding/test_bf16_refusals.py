"""A pasted or told bf16 refusal (transformers, accelerate, PyTorch wordings) is read as the GPU lacking bf16; a
question that only names bf16 is not."""

from __future__ import annotations

import pytest

from assistant.understanding._premises import reports_bf16_unsupported


@pytest.mark.parametrize(
    "text",
    [
        "valueerror: your setup doesn't support bf16/gpu. you need torch>=1.10",
        "bf16 mixed precision requires pytorch >= 1.10 and a supported device",
        "bfloat16 is only supported on gpus with compute capability of at least 8.0",
        "my card does not support bfloat16 it seems",
    ],
)
def test_refusals_are_read(text):
    assert reports_bf16_unsupported(text)


@pytest.mark.parametrize(
    "text",
    ["i train in bf16 on my a100, is it supported?", "can i use bf16 on a 4090", "bf16 or fp16 for lora?"],
)
def test_plain_mentions_are_not(text):
    assert not reports_bf16_unsupported(text)
