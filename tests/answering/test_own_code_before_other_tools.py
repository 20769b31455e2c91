"""A model's own code asked about ("can your repo run on…", "the official code") on a card below what its own
repository states: the verdict is on that code, with another tool's recipe that fits offered after it, not a Yes
from a fork's low-resolution or offloading setting. Phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.answering._compose._non_llm import _repository


@pytest.mark.parametrize(
    "question",
    [
        "Will the official code of HunyuanVideo work on my RTX 3090?",
        "Can your repo run on a 4090? [HunyuanVideo]",
    ],
)
def test_its_own_code_is_answered_before_another_tools_recipe(converse, question):
    reply = converse(question)
    first = reply.text.split("\n")[0]
    assert first.startswith("**No**, not with its own code") and "Another tool fits it" in first, first
    assert reply.memory_gb == 45.0  # the least the HunyuanVideo README states


def test_the_model_asked_without_its_code_keeps_the_tool_that_fits(converse):
    reply = converse("Can HunyuanVideo run on my RTX 3090?")
    assert reply.text.startswith("**Yes**"), reply.text


def test_a_figures_repository_is_read_from_its_source():
    assert (
        _repository("https://github.com/Tencent/HunyuanVideo/blob/main/README.md (table)")
        == "tencent/hunyuanvideo"
    )
    assert _repository("https://huggingface.co/org/model-x (card)") == "org/model-x"
    assert _repository("https://example.org/blog/post") == "example.org"
