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


@pytest.mark.parametrize(
    ("question", "card"),
    [
        ("can koboldcpp use my old radeon hd 7970?", "HD 7970"),
        ("does vllm support an amd rx 5700?", "RX 5700"),
    ],
)
def test_a_card_of_the_platform_the_catalog_lacks_is_kept(read, question, card):
    assert read(question).details.unlisted_gpu == card


def test_a_catalog_card_is_no_unlisted_one(read):
    details = read("does ollama run on a radeon rx 7900 xtx?").details
    assert details.unlisted_gpu is None and details.gpus == ("RX 7900 XTX",)
