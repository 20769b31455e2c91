"""Whether a tool runs on some hardware may be asked in a later sentence, after a title or a setting-out ("llama.cpp
with an arc a770. is it possible to use llama.cpp on intel?"): the sentence that asks decides. Phrasings here are in
no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._software import asks_support


@pytest.mark.parametrize(
    "question",
    [
        "vllm on ubuntu with a v100. is it possible to run vllm on that card?",
        "Trying out llama.cpp this weekend! Can I use llama.cpp with my arc a770?",
    ],
)
def test_support_asked_after_a_first_sentence(question):
    assert asks_support(question, tools_named=True, hardware_named=True, workload_named=False)


def test_a_run_set_out_first_is_not_a_support_question():
    question = "we run tgi on 6 a10gs for our team and it is slow at peak."
    assert not asks_support(question, tools_named=True, hardware_named=True, workload_named=False)
