"""How a home setup is read (issue 9, local, round 8): one desktop card named in the singular beside a home
runtime or as the user's own is one card (not "the fewest that fit"); a pasted command's small --max_seq_len is
the context; "64g ddr5 ram" is system RAM; and "which card should I get for local models?" with no budget,
model or card asks for a card to buy. Real catalog; phrasings in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding import Intent


@pytest.mark.parametrize(
    "question",
    [
        "ollama mistral-nemo 12b on rtx 4070 12gb, will it fit",
        "lm studio + rtx 3060 12gb, qwen2.5 14b q5 possible",
        "my desktop has an rtx 4060 ti 16gb and I keep getting OOM loading mixtral, what do I do",
        "koboldcpp with rtx 3070, which 13b quant",
    ],
)
def test_one_desktop_card_at_home_is_one_card(read, question):
    details = read(question).details
    assert len(details.gpus) == 1
    assert details.gpu_count == 1


@pytest.mark.parametrize(
    "question",
    [
        "how many rtx 3090 do I need for llama 3 70b in ollama",
        "ollama on rtx 3090s, what fits llama 70b",
    ],
)
def test_a_count_asked_or_several_cards_is_not_forced_to_one(read, question):
    assert read(question).details.gpu_count != 1


def test_a_small_max_seq_len_in_a_pasted_command_is_the_context(read):
    details = read(
        "on my rtx 4070 I get OOM with: torchrun example_chat_completion.py --ckpt_dir llama-2-7b-chat/ "
        "--max_seq_len 512 --max_batch_size 6"
    ).details
    assert details.context == 512
    assert details.batch == 6


def test_a_bare_small_number_is_still_no_context(read):
    assert read("llama 3.1 8b context on a 4090?").details.context is None


@pytest.mark.parametrize(
    ("question", "ram"),
    [
        ("rtx 4080 + 96g ddr5 ram, can it do qwen2.5 72b", 96.0),
        ("3090 with 128g of system ram, llama 3 70b q4?", 128.0),
        ("7900xtx and 32g ram: mixtral?", 32.0),
    ],
)
def test_ram_written_with_a_bare_g_is_system_ram(read, question, ram):
    assert read(question).details.host_ram_gb == ram


@pytest.mark.parametrize(
    "question",
    [
        "whats a good gpu for running llms locally, just for tinkering",
        "Which graphics card would you recommend for ollama at home?",
        "wat gpu should i buy to self host models, nothing fancy",
        "I want to play around with local AI models. What GPU should I get?",
    ],
)
def test_which_card_to_buy_for_local_models_is_a_buying_question(read, question):
    u = read(question)
    assert u.intent is Intent.MY_HARDWARE
    assert u.details.card_to_buy and u.details.local


@pytest.mark.parametrize(
    "question",
    [
        "what gpu should I rent to fine-tune llama 3 8b",  # a rental for training
        "what gpu for llama 3 8b locally",  # a model named: sized for it
        "best gpu for stable diffusion at home",  # not a language model
        "which gpu should i buy for local llms with 800 dollars",  # a budget: the budget answer
    ],
)
def test_other_gpu_questions_are_not_the_buying_guide(read, question):
    assert not read(question).details.card_to_buy


@pytest.mark.parametrize(
    "question",
    [
        "only 6gb of vram here, could it run any local model at all?",
        "will my gtx 1060 run anything decent",
        "is it possible to host a small ai assistant on a 8gb card?",
    ],
)
def test_whether_some_unnamed_model_runs_is_what_runs_on_the_hardware(read, question):
    assert read(question).intent is Intent.MY_HARDWARE


@pytest.mark.parametrize(
    ("question", "gbs"),
    [
        ("llama 3.2 3b on my raspberry pi 5?", 17.1),
        ("rpi4 with 8gb, will qwen 0.5b run", 12.8),
    ],
)
def test_a_raspberry_pi_is_a_cpu_run_at_its_boards_ram_bandwidth(read, question, gbs):
    details = read(question).details
    assert details.cpu_only and details.local
    assert details.ram_bandwidth_gbs == pytest.approx(gbs)


@pytest.mark.parametrize(
    "question",
    [
        "i7-13700k and no gpu, or an i5 plus a used rtx 3090 - which is faster for llama.cpp?",
        "cpu only or should I add an rtx 3060 for ollama?",
    ],
)
def test_the_cpu_weighed_against_one_card_is_what_runs_on_the_card(read, question):
    u = read(question)
    assert u.intent is Intent.MY_HARDWARE and u.details.cpu_weighed


def test_ram_with_two_words_between_the_g_and_ram_is_system_ram(read):
    assert read("4080 super and 64g of ddr5 system ram, llama 3 70b q4?").details.host_ram_gb == 64.0
