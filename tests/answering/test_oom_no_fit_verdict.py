"""An out-of-memory report where the model cannot fit the card(s) at all leads with No: the cause is also the
verdict on running it there, whatever the server's flags. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "torch.cuda.OutOfMemoryError when starting vllm serve Qwen/Qwen2.5-32B-Instruct-AWQ on my 16GB 4060 ti",
        "vllm crashes with CUDA out of memory loading llama-3-70b in fp16 on 2x A100 40GB",
    ],
)
def test_an_oom_where_the_model_cannot_fit_leads_with_no(converse, question):
    reply = converse(question)
    assert reply.text.startswith("**No** — the model itself does not fit"), reply.text[:200]
    assert "no server setting fixes that" in reply.text
