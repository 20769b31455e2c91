"""A model no home machine holds (DeepSeek-R1, 671B), asked about at home: the answer weighs the home routes — the full
model as a published low-bit GGUF that VRAM and RAM hold together, and the distilled models people actually run
under its name on their own card — instead of sizing the data-center deployment. Phrasings are our own."""

from __future__ import annotations

import re

import pytest


def _first(reply) -> str:
    return re.sub(r"[*_`]", "", reply.text).split("\n")[0]


@pytest.mark.parametrize(
    "question",
    [
        "can i get deepseek r1 going on my gaming pc? rtx 3080 10gb, 32 gigs ram",
        "I have a 4070 Ti and 64GB of DDR5, is running DeepSeek-R1 at home realistic?",
        "deepseek r1 on my laptop (rtx 3060 6gb, 16gb ram) possible??",
    ],
)
def test_full_r1_that_does_not_fit_vram_plus_ram_is_no_with_the_distill_that_fits(assistant, question):
    reply = assistant.ask(question)
    first = _first(reply)
    assert first.startswith("No"), reply.text
    # the smallest published GGUF of the full model (Unsloth's 1.58-bit, 131 GB) decides, against VRAM + RAM
    assert "131 GB" in first and "usable" in first
    # and what people run instead: the largest distill that fits the card entirely, with its Ollama tag
    assert re.search(r"DeepSeek-R1-Distill-\w+ \d+(?:\.\d)?B", reply.text) and "deepseek-r1:" in reply.text
    assert reply.memory_gb == pytest.approx(131)


def test_big_ram_box_runs_the_full_model_only_as_a_low_bit_gguf(assistant):
    reply = assistant.ask("threadripper with 256gb ram and a 3090 — could it run the real deepseek r1 671b?")
    first = _first(reply)
    assert first.startswith("Only as a low-bit GGUF"), reply.text
    # 24 GB + (256 - 2) GB holds the 2.51-bit 212 GB file, the largest published
    assert "212 GB" in first and "1–3 tokens/s" in first


def test_ollama_users_are_told_which_distill_tag_fits(assistant):
    reply = assistant.ask("which deepseek-r1 should i pull in ollama for a 12gb 3060?")
    first = _first(reply)
    assert first.startswith("Pick deepseek-r1:"), reply.text
    # a 12 GB card holds the 14B distill at a usual quant (not Q2_K), not the 32B
    assert "deepseek-r1:14b" in first and "Q2_K" not in first


def test_no_hardware_said_lists_the_distills_and_the_full_models_floor(assistant):
    reply = assistant.ask("what would i need to run deepseek r1 locally with ollama?")
    text = reply.text
    assert "distill" in text.lower() and "131 GB" in text
    for tag in ("deepseek-r1:1.5b", "deepseek-r1:70b"):
        assert tag in text


def test_data_center_cards_keep_the_server_answer(assistant):
    reply = assistant.ask("how many H100s do I need to serve deepseek r1 in fp8?")
    assert "distill" not in reply.text.lower(), reply.text


def test_a_run_they_already_have_keeps_its_own_answer(assistant):
    # a speed seen, or why a run is slow: that run is the question, not which model to pick instead
    reply = assistant.ask("my 4090 pulls only 4 tok/s on deepseek r1 in ollama, why so slow?")
    assert "distilled models" not in _first(reply), reply.text


def test_a_mac_that_holds_the_usual_quant_keeps_the_raise_the_limit_answer(assistant):
    # 512 GB of unified memory holds R1 in Q4_K_M once macOS's GPU limit is raised: that run is the answer
    reply = assistant.ask("would a mac studio with the m3 ultra and 512gb run deepseek r1?")
    assert "low-bit GGUF" not in _first(reply) and "wired_limit_mb" in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "lists_runs"),
    [
        ("is it possible to install lm studio on a macbook air m1 8gb, what would it handle?", True),
        ("can i use ollama on my rtx 3060 12gb?", True),
        ("can we run ollama on an a100 for the whole team?", False),
    ],
)
def test_a_local_app_on_home_hardware_lists_what_runs(assistant, question, lists_runs):
    reply = assistant.ask(question)
    assert ("the largest model here that runs" in reply.text) is lists_runs, reply.text


def test_deploying_locally_on_desktop_cards_is_a_home_run(assistant):
    reply = assistant.ask(
        "we'd like to deploy deepseek r1 locally on two 4090s and 64gb ram, which version can we?"
    )
    assert "distilled models" in reply.text and "deepseek-r1:" in reply.text, reply.text


def test_several_cards_said_are_named_with_their_count_and_hold_the_distill_together(assistant):
    reply = assistant.ask("could three rtx 3090s in my box handle deepseek r1?")
    assert "3x RTX 3090" in reply.text and "your RTX 3090 " not in reply.text
    # 3 x 24 GB hold the 70B distill that one 24 GB card does not
    assert "DeepSeek-R1-Distill-Llama 70B" in reply.text
