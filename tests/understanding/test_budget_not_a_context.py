"""A context length in thousands of tokens is no purchase budget (issue 9, local, session 16): "with 64k max seq
length" or "32k length" beside a model once read as $64,000 to spend, which now sends a workload to the budget
answer."""

from __future__ import annotations

import pytest

from assistant.understanding._local import purchase_budget


@pytest.mark.parametrize(
    "question",
    [
        "mistral 7b with 32k max seq length takes 12 GB, is that normal?",
        "running qwen with 16k length window in exl2, why so much vram",
        "with 128k seq len does llama 3.1 need more memory than llama 3?",
    ],
)
def test_a_context_in_thousands_is_no_budget(question):
    assert purchase_budget(question) is None


def test_a_budget_in_thousands_is_still_read():
    assert purchase_budget("what should i buy with 3k for a 32b at 16k context?") == 3000
