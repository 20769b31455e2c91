"""A run the user watched crawl on one named card ("runs slow on my 3090", "only 6 t/s here") is one card, not a
count for the planner to search; a workstation card said beside its system RAM is a home box run under llama.cpp.
Real catalog; phrasings in no evaluation set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "llama3.3 70b on rtx 4090 is painfully slow, any tips to speed it up?",
        "gemma 2 27b only 4 tok/s here on an rtx 3080, is that expected?",
        "qwen2.5 32b runs very slow on my 4080 super",
    ],
)
def test_a_slow_run_on_one_named_card_is_one_card(read, question):
    assert read(question).details.gpu_count == 1


@pytest.mark.parametrize(
    "question",
    [
        "llama3.3 70b on two rtx 4090s is painfully slow, any tips?",
        "how many 3090s do I need so qwen2.5 72b is not slow?",
    ],
)
def test_several_cards_said_keep_their_count_open(read, question):
    assert read(question).details.gpu_count != 1


def test_a_workstation_card_beside_its_system_ram_is_run_at_home(read):
    details = read("mistral small 24b, RTX A5000 with 128GB DDR5, only 9 t/s here. why so slow?").details
    assert details.local and details.runtime == "llama.cpp" and details.gpu_count == 1


def test_a_data_center_card_beside_host_ram_stays_a_served_card(read):
    details = read("serving llama 3 70b on an A100 80GB with 512GB of system RAM, what fits?").details
    assert not details.local


@pytest.mark.parametrize(
    ("question", "model"),
    [
        ("would the 120B model of gpt-oss load on a single rtx pro 6000?", "gpt-oss-120b"),
        ("is the 8b version of llama 3.1 ok for a 6gb laptop gpu?", "Llama 3.1 8B"),
    ],
)
def test_a_size_said_before_its_family_names_the_model(read, question, model):
    assert read(question).details.model == model
