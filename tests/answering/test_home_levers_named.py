"""A home run that does not fit, only fits squeezed, or fits with little to spare names the levers an expert names:
a smaller model (the family's next size down, else a smaller size class), a lower quant, a shorter context,
offloading to CPU RAM, and swapping as what happens past the limit. Phrasings in no evaluation set."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "is 4gb of vram enough for mistral 7b?",
        "can my 8gb laptop run llama 2 13b?",
    ],
)
def test_a_model_that_fits_only_as_q2_k_comes_with_a_smaller_model_that_fits_well(ask, question):
    reply = ask(question)
    assert reply.text.startswith("**No**"), reply.text[:200]
    assert "A smaller model that fits entirely" in reply.text


def test_a_model_that_fits_at_a_recommended_quant_gets_no_smaller_model(ask):
    reply = ask("I have 6GB of VRAM, will llama 3 8b run?")
    assert "A smaller model that fits entirely" not in reply.text


@pytest.mark.parametrize(
    ("question", "smaller"),
    [
        ("I have 12GB of VRAM, can I run Llama 3.1 8B in Q8?", "Llama 3.2 3B"),
        ("my laptop only has 8GB of RAM, can it run mistral 7b q4 in the browser?", "a 3B one"),
    ],
)
def test_a_fit_with_little_to_spare_names_what_makes_room(ask, question, smaller):
    reply = ask(question)
    assert reply.text.startswith("**Yes**"), reply.text[:200]
    head = reply.text.split("\n")[0]
    assert "leaves only about" in head and smaller in head
    assert re.search(r"swap", head)


def test_a_roomy_fit_is_not_told_to_make_room(ask):
    reply = ask("I have 24GB of VRAM, can I run Llama 3.1 8B in Q4?")
    assert "leaves only about" not in reply.text


def test_a_pytorch_run_too_big_for_the_users_own_card_names_offload_and_quantization(ask):
    reply = ask("I own a 3060 12gb, can I load qwen2.5 14b with transformers in bf16?")
    folded = reply.text + reply.details
    assert re.search(r"device_map", folded)
    assert re.search(r"8-bit|4-bit", folded)


def test_models_tried_one_after_the_other_are_not_summed_as_cohosted(ask):
    reply = ask(
        "generation crawls on my m2 16gb; I tested it with two different models, mistral 7b and qwen2.5 7b. why?"
    )
    assert "Together they need" not in reply.text


def test_models_loaded_at_the_same_time_are_still_summed(ask):
    reply = ask("can my 3090 run mistral 7b and qwen2.5 7b at the same time?")
    assert "Together they need" in reply.text or "together they need" in reply.text


def test_a_cpu_run_names_what_makes_it_faster(ask):
    reply = ask("qwen2.5 14b is crawling on my 32gb ram desktop with no graphics card, why?")
    assert "smaller model or a lower-bit quant" in reply.text


def test_a_tool_on_a_phone_says_which_model_the_phones_ram_takes(ask):
    reply = ask("will mlc run on my old iphone 11?")
    assert "**Memory:**" in reply.text
    assert "Llama 3.2 3B" in reply.text and re.search(r"4 GB of RAM", reply.text)
