"""People counted in any noun ("30 devs", "a team of 8") are users; a card named with no count beside a counted
setup it is set against ("a Mac Studio or two 4090s") is one of it."""

from __future__ import annotations

import pytest


def test_people_nouns_are_users(read):
    assert read("we want to host a 14b coding model for 25 programmers").details.batch == 25
    assert read("serving mistral 7b to our 40 researchers, what do we need?").details.batch == 40
    assert read("a team of 8 will use llama 3 8b, which gpu?").details.batch == 8
    assert read("a team of 8 gpus for llama 3 8b").details.batch is None


def test_a_card_without_a_count_is_one_when_set_against_a_counted_setup(read):
    d = read("would a single rtx 6000 ada beat 3x rtx 3090 for mixtral?").details
    assert dict(d.setups) == {"RTX 6000 Ada": 1, "RTX 3090": 3}
    d = read("is an m3 max 128gb macbook or 2 rtx 4090s better for qwen 72b").details
    assert dict(d.setups) == {"M3 Max 128GB": 1, "RTX 4090": 2}
    # not set against each other: the counts are the user's machine, not alternatives
    assert (
        read("my rig is 2x 3090 with the 1080 ti for the display, can it run llama 3 70b?").details.setups
        == ()
    )


def test_a_count_of_gpus_said_after_the_card_named_with_the(read):
    assert read("will the L40S hold qwen2.5 72b in bf16 across 4 gpus?").details.gpu_count == 4
    assert read("could the a100 40gb train a 13b model using two cards?").details.gpu_count == 2
    assert read("does the h100 fit llama 3 70b in fp8?").details.gpu_count == 1


def test_tuning_a_model_is_a_fine_tune(read):
    from assistant.sizing import Task

    assert read("what gpu to tune a 13b llm on my docs?").details.task in (Task.FULL, Task.LORA, Task.QLORA)
    assert read("how should I tune vllm's settings for llama 3 8b?").details.task in (None, Task.INFERENCE)


def test_chatter_before_a_yes_no_question(read):
    assert read("ok so will a 3060 run llama 3 8b at q4?").details.yes_no
    assert read("honestly, can an a10g serve mistral 7b?").details.yes_no


def test_people_in_chat_words(read):
    assert read("mixtral for like 5 ppl at my startup, cheapest setup?").details.batch == 5
    assert read("serving llama 3 8b to 12 folks in the lab").details.batch == 12


def test_the_people_a_group_has_are_users(read):
    d = read("what should we run our internal assistant on, we're a 40-person startup, llama 3.1 8b").details
    assert d.batch == 40 and d.users_unqualified
    assert read("good setup for mistral 7b for my 12 person lab?").intent.value == "recommend"


@pytest.mark.parametrize(
    "question",
    [
        "is one rtx 6000 ada worth it over three 3090s to run llama 3.3 70b in q4?",
        "a single a6000 instead of two 3090s for qwen2.5 72b at home?",
    ],
)
def test_one_setup_weighed_over_another_keeps_each_count(read, question):
    setups = dict(read(question).details.setups)
    assert sorted(setups.values()) in ([1, 3], [1, 2]) and min(setups.values()) == 1
